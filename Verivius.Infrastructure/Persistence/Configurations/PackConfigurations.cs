using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Packs;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class MonthlyPackConfiguration : IEntityTypeConfiguration<MonthlyPack>
{
    public void Configure(EntityTypeBuilder<MonthlyPack> builder)
    {
        builder.ToTable("Packs");
        builder.ConfigureStamps();
        builder.HasIndex(p => new { p.SiteId, p.Period }).IsUnique();
        builder.HasOne<Site>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PackId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(p => p.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.Latest);
    }
}

internal sealed class PackVersionConfiguration : IEntityTypeConfiguration<PackVersion>
{
    public void Configure(EntityTypeBuilder<PackVersion> builder)
    {
        builder.ToTable("PackVersions");
        builder.ConfigureStamps();
        builder.HasIndex(v => new { v.PackId, v.Number }).IsUnique();
        builder.Property(v => v.FileName).HasMaxLength(260);
        builder.Property(v => v.StoredName).HasMaxLength(100);
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.UploadedBy).HasMaxLength(EntityStamps.ActorLength);
        builder.Property(v => v.ChallengeCheck).HasMaxLength(400);
    }
}
