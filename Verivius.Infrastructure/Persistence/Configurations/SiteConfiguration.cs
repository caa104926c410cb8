using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Providers;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ConfigureStamps();
        builder.Property(s => s.Code).HasMaxLength(20);

        // A CQC location ID names one service nationally, whichever provider runs it.
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(Site.MaxNameLength);
        builder.Property(s => s.ServiceType).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.RegisteredManager).HasMaxLength(Site.MaxManagerNameLength);
        builder.Property(s => s.CqcRating).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.CqcWellLedRating).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.CqcReportUrl).HasMaxLength(Site.ReportUrlLength);
        builder.HasOne<Provider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ProviderId, s.Name });
    }
}
