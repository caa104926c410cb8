using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Features.Challenges;
using Verivius.Web.Features.Sites;
using Verivius.Web.Features.Trends;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Provider;

/// <summary>
/// The nominated individual's one picture of the provider: where risk sits (sites × areas), every
/// site's recovery map joined into one, unsupported assurance, overdue actions, notification and
/// candour timeliness, training and supervision, packs received, and the trends.
/// </summary>
public sealed record GetProviderHomeQuery(ProviderViewFilter Filter, ListRequest Request) : IQuery<ProviderHomeVm>;

/// <summary>The joined recovery map's filters and the heat map's page, bound from the query string.</summary>
public sealed record ProviderViewFilter(string? Area = null, string? Site = null, string? Trend = null, int HeatPage = 1, string? Month = null)
{
    public AssuranceArea? AreaValue => Enum.TryParse<AssuranceArea>(Area, true, out var a) && Enum.IsDefined(a) ? a : null;

    public RiskTrend? TrendValue => Enum.TryParse<RiskTrend>(Trend, true, out var t) && Enum.IsDefined(t) ? t : null;
}

public sealed record ProviderHomeVm(
    string ProviderName,
    int ActiveSites,
    int InactiveSites,
    ProviderViewFilter Filter,
    Page<HeatRowVm> HeatMap,
    IReadOnlyList<AssuranceArea> SystemicAreas,
    int SystemicThreshold,
    Page<JoinedRiskVm> RecoveryMap,
    IReadOnlyList<ChallengeRowVm> UnsupportedAssurance,
    int UnsupportedAssuranceCount,
    IReadOnlyList<(string Code, string Name, int Overdue)> OverdueBySite,
    int OverdueTotal,
    ComplianceVm Compliance,
    IReadOnlyList<DateOnly> PackMonths,
    IReadOnlyList<TrendVm> Trends,
    DateOnly Month);

/// <summary>One site's row of the heat map: a cell per area, and which months' packs arrived.</summary>
public sealed record HeatRowVm(string Code, string Name, IReadOnlyDictionary<AssuranceArea, HeatCellVm> Cells, IReadOnlySet<DateOnly> PacksReceived)
{
    public int Weight => Cells.Values.Sum(c => c.Colour switch { HeatColour.Red => 100, HeatColour.Amber => 10, _ => 0 });
}

public enum HeatColour
{
    None,
    Green,
    Amber,
    Red,
}

/// <summary>A site's area: how many open risks, the worst trend, open challenges on them, and where a click goes.</summary>
public sealed record HeatCellVm(HeatColour Colour, int OpenRisks, int OpenChallenges, RiskTrend? WorstTrend, string Href);

public sealed record JoinedRiskVm(string SiteCode, string SiteName, AssuranceArea Area, string Ref, string Risk, string? CurrentActionRef, string? Owner, DateOnly? ReviewOn, RiskTrend Trend, int OpenChallenges, int HighChallenges);

/// <summary>Timeliness over the last twelve months and the current state of training and supervision, provider-wide.</summary>
public sealed record ComplianceVm(int Notifiable, int NotifiedOnTime, int CandourDue, int CandourOnTime, int MandatoryCourses, int MandatoryInDate, int Staff, int StaffSupervised)
{
    public static string Percent(int part, int whole) => whole == 0 ? "—" : $"{Math.Round(100.0 * part / whole)}%";
}

internal sealed class GetProviderHomeHandler : IQueryHandler<GetProviderHomeQuery, ProviderHomeVm>
{
    private const int HeatRows = 25;

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public GetProviderHomeHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<ProviderHomeVm> Handle(GetProviderHomeQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        if (!scope.SeesWholeProvider || scope.ProviderId is not { } providerId)
        {
            throw new ForbiddenException("The provider view is for the nominated individual.");
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var month = GetSiteDashboardHandler.MonthOf(query.Filter.Month, today);
        var providerName = await _db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(cancellationToken);
        var sites = await _db.Sites.Where(s => s.ProviderId == providerId).Select(s => new { s.Id, s.Code, s.Name, s.IsActive }).ToListAsync(cancellationToken);
        var active = sites.Where(s => s.IsActive).ToList();
        var activeIds = _db.Sites.Where(s => s.ProviderId == providerId && s.IsActive).Select(s => s.Id);
        var thresholds = await _db.ChallengeSettings.Where(s => s.ProviderId == providerId).Select(s => s.Thresholds).FirstOrDefaultAsync(cancellationToken) ?? ChallengeThresholds.Defaults;
        var statuses = ChallengeStatuses.Active;

        var risks = await _db.RecoveryRisks
            .Where(r => activeIds.Contains(r.SiteId) && r.Details.Trend != RiskTrend.Resolved)
            .Join(_db.Sites, r => r.SiteId, s => s.Id, (r, s) => new { r, s })
            .Select(x => new JoinedRiskVm(
                x.s.Code, x.s.Name, x.r.Details.Area, x.r.Ref, x.r.Details.Risk, x.r.Details.CurrentActionRef, x.r.Details.Owner, x.r.Details.ReviewOn, x.r.Details.Trend,
                _db.Challenges.Count(c => c.SiteId == x.s.Id && statuses.Contains(c.Status) && c.Subjects.Contains("Recovery:" + x.r.Ref)),
                _db.Challenges.Count(c => c.SiteId == x.s.Id && statuses.Contains(c.Status) && c.Severity == ChallengeSeverity.High && c.Subjects.Contains("Recovery:" + x.r.Ref))))
            .ToListAsync(cancellationToken);

        var packMonths = Enumerable.Range(1, 12).Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back)).Reverse().ToList();
        var firstPackMonth = packMonths[0];
        var packs = (await _db.Packs.Where(p => activeIds.Contains(p.SiteId) && p.Period >= firstPackMonth).Select(p => new { p.SiteId, p.Period }).ToListAsync(cancellationToken))
            .ToLookup(p => p.SiteId, p => p.Period);

        var heat = active
            .Select(s => new HeatRowVm(s.Code, s.Name, HeatCells(s.Code, risks.Where(r => r.SiteCode == s.Code).ToList()), packs[s.Id].ToHashSet()))
            .OrderByDescending(r => r.Weight).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var heatPage = Math.Max(1, query.Filter.HeatPage);
        var heatMap = new Page<HeatRowVm>([.. heat.Skip((heatPage - 1) * HeatRows).Take(HeatRows)], new ListRequest(heatPage), heat.Count);
        var systemic = risks.GroupBy(r => r.Area).Where(g => g.Select(r => r.SiteCode).Distinct().Count() >= thresholds.SystemicRiskSites).Select(g => g.Key).Order().ToList();

        var assurance = _db.Challenges.Where(c => c.Code.StartsWith("ASSUR-") && statuses.Contains(c.Status));
        var unsupported = await ChallengeRegister.BySeverity(ChallengeRegister.Rows(_db, _db.Sites.Where(s => s.ProviderId == providerId && s.IsActive), new ChallengeFilter(), today).Where(r => r.Code.StartsWith("ASSUR-")), descending: false)
            .Take(10).ToListAsync(cancellationToken);
        var unsupportedCount = await assurance.CountAsync(c => activeIds.Contains(c.SiteId), cancellationToken);

        var overdue = await _db.Actions
            .Where(a => activeIds.Contains(a.SiteId) && a.Details.Status != ActionStatus.Closed && a.Details.DueOn < today)
            .GroupBy(a => a.SiteId)
            .Select(g => new { SiteId = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var overdueBySite = overdue.Join(active, o => o.SiteId, s => s.Id, (o, s) => (s.Code, s.Name, o.Count)).OrderByDescending(o => o.Count).ThenBy(o => o.Name, StringComparer.Ordinal).Take(10).ToList();

        return new ProviderHomeVm(
            providerName,
            active.Count,
            sites.Count - active.Count,
            query.Filter,
            heatMap,
            systemic,
            thresholds.SystemicRiskSites,
            JoinedMap(risks, query.Filter, query.Request),
            unsupported,
            unsupportedCount,
            overdueBySite,
            overdue.Sum(o => o.Count),
            await ComplianceAsync(activeIds, thresholds, today, cancellationToken),
            packMonths,
            await Trends.Trends.ForSitesAsync(_db, activeIds, month, cancellationToken),
            month);
    }

    /// <summary>
    /// Red where a risk is worsening or a High challenge stands on one; amber where a risk is not
    /// improving or any challenge stands on one; green where every open risk is improving.
    /// </summary>
    private static Dictionary<AssuranceArea, HeatCellVm> HeatCells(string siteCode, List<JoinedRiskVm> risks) =>
        Enum.GetValues<AssuranceArea>().ToDictionary(area => area, area =>
        {
            var here = risks.Where(r => r.Area == area).ToList();
            if (here.Count == 0)
            {
                return new HeatCellVm(HeatColour.None, 0, 0, null, $"/sites/{siteCode}/records/recovery");
            }

            var colour = here.Any(r => r.Trend == RiskTrend.Worsening || r.HighChallenges > 0) ? HeatColour.Red
                : here.Any(r => r.Trend == RiskTrend.NoChange || r.OpenChallenges > 0) ? HeatColour.Amber
                : HeatColour.Green;
            var href = here.Count == 1
                ? $"/sites/{siteCode}/records/recovery/{Uri.EscapeDataString(here[0].Ref)}"
                : $"/provider?site={Uri.EscapeDataString(siteCode)}&area={area}#recovery-map";
            return new HeatCellVm(colour, here.Count, here.Sum(r => r.OpenChallenges), here.Min(r => r.Trend), href);
        });

    private static Page<JoinedRiskVm> JoinedMap(List<JoinedRiskVm> risks, ProviderViewFilter filter, ListRequest request)
    {
        IEnumerable<JoinedRiskVm> rows = risks;
        if (filter.AreaValue is { } area)
        {
            rows = rows.Where(r => r.Area == area);
        }

        if (!string.IsNullOrWhiteSpace(filter.Site))
        {
            rows = rows.Where(r => r.SiteCode == filter.Site.Trim());
        }

        if (filter.TrendValue is { } trend)
        {
            rows = rows.Where(r => r.Trend == trend);
        }

        if (request.SafeFilter is { } text)
        {
            rows = rows.Where(r => r.Risk.Contains(text, StringComparison.OrdinalIgnoreCase) || r.SiteName.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        rows = (request.Sort, request.Descending) switch
        {
            ("site", var d) => d ? rows.OrderByDescending(r => r.SiteName, StringComparer.Ordinal) : rows.OrderBy(r => r.SiteName, StringComparer.Ordinal),
            ("review", var d) => d ? rows.OrderByDescending(r => r.ReviewOn) : rows.OrderBy(r => r.ReviewOn ?? DateOnly.MaxValue),
            ("trend", var d) => d ? rows.OrderByDescending(r => r.Trend) : rows.OrderBy(r => r.Trend),
            ("challenges", var d) => d ? rows.OrderBy(r => r.OpenChallenges) : rows.OrderByDescending(r => r.OpenChallenges),
            _ => rows.OrderBy(r => r.Area).ThenBy(r => r.Trend).ThenBy(r => r.SiteName, StringComparer.Ordinal),
        };
        var all = rows.ToList();
        return new Page<JoinedRiskVm>([.. all.Skip((request.SafePage - 1) * ListRequest.PageSize).Take(ListRequest.PageSize)], request, all.Count);
    }

    private async Task<ComplianceVm> ComplianceAsync(IQueryable<Guid> siteIds, ChallengeThresholds thresholds, DateOnly today, CancellationToken cancellationToken)
    {
        var yearAgo = today.AddYears(-1);
        var incidents = await _db.Incidents
            .Where(i => siteIds.Contains(i.SiteId) && i.Details.OccurredOn > yearAgo && i.Details.OccurredOn <= today && (i.Details.CqcNotifiable || i.Details.CandourApplies))
            .Select(i => new { i.Details.OccurredOn, i.Details.CqcNotifiable, i.Details.NotificationSentOn, i.Details.CandourApplies, i.Details.CandourWrittenOn })
            .ToListAsync(cancellationToken);
        var workingDays = WorkingDays.EnglandAndWales;
        var notifiable = incidents.Where(i => i.CqcNotifiable).ToList();
        var candour = incidents.Where(i => i.CandourApplies && workingDays.After(i.OccurredOn, thresholds.CandourWrittenWorkingDays) < today).ToList();

        var training = await _db.Training
            .Where(t => siteIds.Contains(t.SiteId) && t.Details.Mandatory && t.Period == _db.Training.Where(x => x.SiteId == t.SiteId && x.Period <= today).Max(x => (DateOnly?)x.Period))
            .GroupBy(t => 1)
            .Select(g => new { Rows = g.Count(), InDate = g.Count(t => t.Details.CompletedOn != null && (t.Details.ExpiresOn == null || t.Details.ExpiresOn >= today)) })
            .FirstOrDefaultAsync(cancellationToken);
        var supervisedSince = today.AddDays(-thresholds.SupervisionDays);
        var supervision = await _db.Supervision
            .Where(s => siteIds.Contains(s.SiteId) && s.Details.Type == SupervisionType.Supervision && s.Period == _db.Supervision.Where(x => x.SiteId == s.SiteId && x.Period <= today).Max(x => (DateOnly?)x.Period))
            .GroupBy(s => new { s.SiteId, s.Details.StaffRef })
            .Select(g => g.Max(s => s.Details.HeldOn))
            .ToListAsync(cancellationToken);

        return new ComplianceVm(
            notifiable.Count,
            notifiable.Count(i => i.NotificationSentOn is { } sent && sent.DayNumber - i.OccurredOn.DayNumber <= thresholds.NotificationDays),
            candour.Count,
            candour.Count(i => i.CandourWrittenOn is { } written && written <= workingDays.After(i.OccurredOn, thresholds.CandourWrittenWorkingDays)),
            training?.Rows ?? 0,
            training?.InDate ?? 0,
            supervision.Count,
            supervision.Count(held => held >= supervisedSince));
    }
}
