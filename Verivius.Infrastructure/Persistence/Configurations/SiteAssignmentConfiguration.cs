using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Access;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Identity;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class SiteAssignmentConfiguration : IEntityTypeConfiguration<SiteAssignment>
{
    public void Configure(EntityTypeBuilder<SiteAssignment> builder)
    {
        builder.ConfigureStamps();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.UserId, a.SiteId, a.Kind }).IsUnique();
        builder.HasIndex(a => a.SiteId);
        builder.HasOne<VeriviusUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Site>().WithMany().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
