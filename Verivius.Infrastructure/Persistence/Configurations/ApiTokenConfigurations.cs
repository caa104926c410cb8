using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Access;
using Verivius.Domain.Providers;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.ConfigureStamps();
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameLength);
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.Property(t => t.Hint).HasMaxLength(16);
        builder.Property(t => t.RevokedBy).HasMaxLength(EntityStamps.ActorLength);
        builder.Ignore(t => t.ActorName);
        builder.Ignore(t => t.IsRevoked);
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => new { t.ProviderId, t.Name }).IsUnique();
        builder.HasOne<Provider>().WithMany().HasForeignKey(t => t.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Sites).WithOne().HasForeignKey(s => s.ApiTokenId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Sites).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ApiTokenSiteConfiguration : IEntityTypeConfiguration<ApiTokenSite>
{
    public void Configure(EntityTypeBuilder<ApiTokenSite> builder)
    {
        builder.ToTable("ApiTokenSites");
        builder.HasKey(s => new { s.ApiTokenId, s.SiteId });
        builder.HasIndex(s => s.SiteId);
        builder.HasOne<Site>().WithMany().HasForeignKey(s => s.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiCallConfiguration : IEntityTypeConfiguration<ApiCall>
{
    public void Configure(EntityTypeBuilder<ApiCall> builder)
    {
        builder.ToTable("ApiCalls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Method).HasMaxLength(10);
        builder.Property(c => c.Path).HasMaxLength(300);

        // "Last used" is the newest call of each token.
        builder.HasIndex(c => new { c.ApiTokenId, c.At });
        builder.HasOne<ApiToken>().WithMany().HasForeignKey(c => c.ApiTokenId).OnDelete(DeleteBehavior.Cascade);
    }
}
