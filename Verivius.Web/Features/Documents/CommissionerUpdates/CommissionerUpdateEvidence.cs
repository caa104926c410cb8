using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Challenges;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Documents.CommissionerUpdates;

/// <summary>
/// What a commissioner update reads: the commissioned sites, their recovery positions, and each site's
/// figures (the month's pack among them) as the provider's own views and board pack count them.
/// </summary>
internal sealed record CommissionerUpdateEvidence(
    GovernanceDocument Document,
    string ProviderName,
    IReadOnlyList<CommissionedSite> Sites,
    ILookup<Guid, RecoveryPositionVm> Positions,
    IReadOnlyDictionary<Guid, SiteFigures> Figures,
    int SupervisionDays,
    int PackMissingDays,
    IReadOnlyDictionary<Guid, MonthIncidents> Incidents,
    string? Contact,
    MonthlyFigures Monthly,
    DateOnly? LastUpdateAsOf,
    ILookup<Guid, ActionTaken> ActionsTaken)
{
    /// <summary>How many months the month-by-month figures go back, the update's own month the last.</summary>
    public const int MonthsShown = 6;

    /// <summary>The months of the month-by-month figures, oldest first.</summary>
    public IReadOnlyList<DateOnly> Months => [.. Enumerable.Range(1 - MonthsShown, MonthsShown).Select(Document.Period.AddMonths)];

    public static async Task<CommissionerUpdateEvidence> GatherAsync(VeriviusDbContext db, GovernanceDocument document, IQueryable<Site> commissioned, CancellationToken cancellationToken)
    {
        var providerName = await db.Providers.Where(p => p.Id == document.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var sites = await commissioned.OrderBy(s => s.Name).Select(s => new CommissionedSite(s.Id, s.Name, s.ServiceType)).ToListAsync(cancellationToken);
        var siteIds = sites.Select(s => s.Id).ToList();
        var positions = (await db.RecoveryRisks.Where(r => siteIds.Contains(r.SiteId))
            .Select(r => new { r.SiteId, Position = new RecoveryPositionVm(r.Details.Area, r.Details.Risk, r.Details.Target, r.Details.Trend, r.Details.ReviewOn) })
            .ToListAsync(cancellationToken))
            .ToLookup(r => r.SiteId, r => r.Position);
        var thresholds = await db.ChallengeSettings.Where(c => c.ProviderId == document.ProviderId).Select(c => c.Thresholds).FirstOrDefaultAsync(cancellationToken)
            ?? ChallengeThresholds.Defaults;
        var supervisionDays = thresholds.SupervisionDays;
        var monthly = await MonthlyFigures.LoadAsync(db, commissioned.Select(s => s.Id), document.Period.AddMonths(1 - MonthsShown), document.Period, cancellationToken);
        var figures = await SiteFigures.LoadAsync(
            db, commissioned, document.DataAsOf, document.Period, monthly, SiteFigures.TwelveMonthsBefore(document.Period.AddMonths(1)), cancellationToken);
        var end = document.Period.AddMonths(1);
        var incidents = (await db.Incidents.Where(i => siteIds.Contains(i.SiteId) && i.Details.OccurredOn >= document.Period && i.Details.OccurredOn < end)
            .GroupBy(i => i.SiteId)
            .Select(g => new { SiteId = g.Key, All = g.Count(), Safeguarding = g.Count(i => i.Details.Category == IncidentCategory.Safeguarding), Notifiable = g.Count(i => i.Details.CqcNotifiable) })
            .ToListAsync(cancellationToken))
            .ToDictionary(x => x.SiteId, x => new MonthIncidents(x.All, x.Safeguarding, x.Notifiable));

        // The provider's named contact: its nominated individual, who also signs the update off.
        var nominated = await ProviderPeople.InRoles(db, document.ProviderId, Roles.NominatedIndividual)
            .OrderBy(user => user.DisplayName)
            .Select(user => new { user.DisplayName, user.Email })
            .FirstOrDefaultAsync(cancellationToken);
        var contact = nominated is null ? null : $"{(nominated.DisplayName.Length > 0 ? nominated.DisplayName : nominated.Email)}, nominated individual ({nominated.Email})";

        // What the sites did since the commissioner last had an update: the actions closed since its evidence date.
        var lastUpdateAsOf = await db.Documents
            .Where(d => d.ProviderId == document.ProviderId && d.Kind == DocumentKind.CommissionerUpdate && d.CommissionerId == document.CommissionerId
                && d.Period < document.Period && (d.Review == DocumentReview.Published || d.Review == DocumentReview.Superseded))
            .OrderByDescending(d => d.Period)
            .Select(d => (DateOnly?)d.DataAsOf)
            .FirstOrDefaultAsync(cancellationToken);
        var since = lastUpdateAsOf ?? document.Period.AddDays(-1);
        var actionsTaken = (await db.Actions
            .Where(a => siteIds.Contains(a.SiteId) && a.Details.Status == ActionStatus.Closed && a.Details.ClosedOn > since && a.Details.ClosedOn <= document.DataAsOf)
            .OrderBy(a => a.Details.ClosedOn)
            .Select(a => new { a.SiteId, a.Details.Title, a.Details.Area, ClosedOn = a.Details.ClosedOn!.Value })
            .ToListAsync(cancellationToken))
            .ToLookup(a => a.SiteId, a => new ActionTaken(a.Title, a.Area, a.ClosedOn));
        return new CommissionerUpdateEvidence(
            document, providerName, sites, positions, figures.ToDictionary(f => f.Id), supervisionDays, thresholds.PackMissingDays, incidents, contact, monthly, lastUpdateAsOf, actionsTaken);
    }
}

internal sealed record CommissionedSite(Guid Id, string Name, ServiceType ServiceType);

/// <summary>An improvement action a site closed since the last update: what it was, for which area, and when; no owner named.</summary>
internal sealed record ActionTaken(string Title, AssuranceArea? Area, DateOnly ClosedOn);

/// <summary>A site's incidents in the month: how many, how many safeguarding, how many notifiable to CQC; counts only, no one named.</summary>
internal sealed record MonthIncidents(int All, int Safeguarding, int Notifiable);
