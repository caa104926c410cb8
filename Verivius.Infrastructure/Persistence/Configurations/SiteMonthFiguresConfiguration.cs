using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Figures;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal sealed class SiteMonthFiguresConfiguration : IEntityTypeConfiguration<SiteMonthFigures>
{
    public void Configure(EntityTypeBuilder<SiteMonthFigures> builder)
    {
        builder.ToTable("SiteMonthFigures");
        builder.HasKey(f => new { f.SiteId, f.Month });
        builder.Ignore(f => f.IsEmpty);
        builder.HasOne<Site>().WithMany().HasForeignKey(f => f.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FiguresRecountConfiguration : IEntityTypeConfiguration<FiguresRecount>
{
    public void Configure(EntityTypeBuilder<FiguresRecount> builder)
    {
        builder.ToTable("FiguresRecounts");
        builder.ConfigureStamps();
    }
}
