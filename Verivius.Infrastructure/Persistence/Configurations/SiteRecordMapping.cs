using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence.Configurations;

internal static class SiteRecordMapping
{
    /// <summary>
    /// What every referenced record of a site shares: its table, its reference unique within the site
    /// (what a pack upserts by), its site, and the pack version that last wrote it.
    /// </summary>
    public static void ConfigureSiteRecord<T>(this EntityTypeBuilder<T> builder, string table)
        where T : SiteRecord
    {
        builder.ToTable(table);
        builder.ConfigureStamps();
        builder.Property(r => r.Ref).HasMaxLength(SiteRecord.MaxRefLength);
        builder.HasIndex(r => new { r.SiteId, r.Ref }).IsUnique();
        builder.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PackVersion>().WithMany().HasForeignKey(r => r.PackVersionId).OnDelete(DeleteBehavior.Restrict);
    }

    /// <summary>A real relation to the action a record names (an incident's, a decision's, a risk's).</summary>
    public static void LinksToAction<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, object?>> actionId)
        where T : class
    {
        builder.HasOne<ImprovementAction>().WithMany().HasForeignKey(actionId).OnDelete(DeleteBehavior.Restrict);
    }
}
