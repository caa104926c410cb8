using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Domain.Sites;

namespace Verivius.Infrastructure.Persistence;

/// <summary>
/// The sites whose records a save changes, for <see cref="SiteJudgement.Changes"/>: every entity with a site
/// (records, attachments, citations, packs, challenges), the site itself, and an audit's themes through their
/// audit — themes change only through <see cref="Audit.Record"/>, so their audit is tracked with them. A site's
/// counted figures and its judgement are kept about its records, not part of them.
/// </summary>
public static class SitesChanged
{
    public static IReadOnlySet<Guid> By(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var sites = new HashSet<Guid>();
        Dictionary<Guid, Guid>? auditSites = null;
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case SiteJudgement or SiteMonthFigures:
                    break;
                case Site site:
                    sites.Add(site.Id);
                    break;
                case AuditTheme theme:
                    // One lookup for the save: an import tracks thousands of audits and their themes.
                    auditSites ??= tracker.Entries<Audit>().ToDictionary(a => a.Entity.Id, a => a.Entity.SiteId);
                    if (auditSites.TryGetValue(theme.AuditId, out var siteId))
                    {
                        sites.Add(siteId);
                    }

                    break;
                default:
                    if (entry.Metadata.FindProperty("SiteId") is { ClrType: var type } && type == typeof(Guid))
                    {
                        var property = entry.Property("SiteId");
                        sites.Add((Guid)property.CurrentValue!);
                        sites.Add((Guid)property.OriginalValue!);
                    }

                    break;
            }
        }

        return sites;
    }
}
