using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Domain.Packs;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Provider;

/// <summary>
/// The nominated individual's one picture of the provider: where risk sits (sites × areas), every
/// site's recovery map joined into one, unsupported assurance, overdue actions, notification and
/// candour timeliness, training and supervision, packs received, and the trends.
/// </summary>
public sealed record GetProviderHomeQuery(ProviderViewFilter Filter, ListRequest Request) : IQuery<ProviderHomeVm>;

/// <summary>The joined recovery map's filters and the heat map's page, bound from the query string.</summary>
public sealed record ProviderViewFilter(
    string? Area = null, string? Site = null, string? Trend = null, [Range(1, 100_000)] int HeatPage = 1, [Month] string? Month = null, string? Order = null, [Range(1, 100_000)] int GlancePage = 1)
{
    public AssuranceArea? AreaValue => Enum.TryParse<AssuranceArea>(Area, true, out var a) && Enum.IsDefined(a) ? a : null;

    public RiskTrend? TrendValue => Enum.TryParse<RiskTrend>(Trend, true, out var t) && Enum.IsDefined(t) ? t : null;
}

public sealed record ProviderHomeVm(
    string ProviderName,
    int ActiveSites,
    int InactiveSites,
    ProviderViewFilter Filter,
    Page<GlanceRowVm> Glance,
    string RatingRule,
    Page<HeatRowVm> HeatMap,
    IReadOnlyList<AssuranceArea> SystemicAreas,
    int SystemicThreshold,
    Page<JoinedRiskVm> RecoveryMap,
    IReadOnlyList<ChallengeRowVm> UnsupportedAssurance,
    int UnsupportedAssuranceCount,
    IReadOnlyList<(string Code, string Name, int Overdue)> OverdueBySite,
    int OverdueTotal,
    IReadOnlyList<MeasuredValue> Measures,
    IReadOnlyList<DateOnly> PackMonths,
    IReadOnlyList<TrendVm> Trends,
    DateOnly Month,
    DateOnly Today);

/// <summary>One site at a glance: its place in the ranking (worst first), its rating with the reasons, and the figures behind them.</summary>
public sealed record GlanceRowVm(int Rank, SiteRating Rating, SiteFigures Figures, int OpenRisks);

/// <summary>One site's row of the heat map: a cell per area, and which months' packs arrived.</summary>
/// <param name="ReportingFrom">The first month the site owes a pack for: earlier months are neither received nor missing.</param>
public sealed record HeatRowVm(string Code, string Name, IReadOnlyDictionary<AssuranceArea, HeatCellVm> Cells, IReadOnlySet<DateOnly> PacksReceived, DateOnly ReportingFrom)
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

/// <summary>
/// A site's area: how many open risks, the worst trend and open challenges on them. A click opens the
/// risk itself when there is only one (<paramref name="OnlyRisk"/>), else the recovery map filtered to the site and area.
/// </summary>
public sealed record HeatCellVm(HeatColour Colour, int OpenRisks, int OpenChallenges, int HighChallenges, RiskTrend? WorstTrend, string? OnlyRisk);

public sealed record JoinedRiskVm(string SiteCode, string SiteName, AssuranceArea Area, string Ref, string Risk, string? CurrentActionRef, string? Owner, DateOnly? ReviewOn, RiskTrend Trend, int OpenChallenges, int HighChallenges);

/// <summary>
/// What the provider view is computed from, before its filters and pages are applied: everything that is
/// the same for every request (the heat map, ranking, measures, the joined recovery map in its default
/// order) is worked out once, when the figures are read or patched, not on every request.
/// </summary>
internal sealed record ProviderHomeData(
    string Name,
    int Inactive,
    ChallengeThresholds Thresholds,
    ProviderSiteParts Parts,
    IReadOnlyList<HeatRowVm> Heat,
    IReadOnlyList<AssuranceArea> Systemic,
    IReadOnlyList<TrendVm> Trends,
    IReadOnlyList<GlanceRowVm> Glance,
    string RatingRule,
    IReadOnlyList<MeasuredValue> Measures,
    IReadOnlyList<JoinedRiskVm> RecoveryMap,
    IReadOnlyList<(string Code, string Name, int Overdue)> OverdueBySite)
{
    public IReadOnlyList<SiteFigures> Sites => Parts.Sites;

    public IReadOnlyList<ChallengeRowVm> Unsupported => Parts.Unsupported;

    public int SystemicThreshold => Thresholds.SystemicRiskSites;

    public int SupervisionDays => Thresholds.SupervisionDays;
}

/// <summary>
/// Each active site's share of the provider view: its open recovery risks, its figures, its monthly
/// figures for the trends and its unsupported assurance. Read for every site, or again for the sites a
/// save changed; always held in one order, so that figures patched site by site are the figures read whole.
/// </summary>
internal sealed record ProviderSiteParts(IReadOnlyList<JoinedRiskVm> Risks, IReadOnlyList<SiteFigures> Sites, MonthlyFigures Monthly, IReadOnlyList<ChallengeRowVm> Unsupported)
{
    /// <summary>The parts of <paramref name="sites"/>, in four commands.</summary>
    public static async Task<ProviderSiteParts> LoadAsync(VeriviusDbContext db, IQueryable<Site> sites, DateOnly today, DateOnly month, CancellationToken cancellationToken)
    {
        var risks = await OpenRisks(db, sites).ToListAsync(cancellationToken);
        var monthly = await MonthlyFigures.LoadAsync(db, sites.Select(s => s.Id), month.AddMonths(-11), month, cancellationToken);
        var figures = await SiteFigures.LoadAsync(db, sites, today, month, monthly, SiteFigures.TwelveMonthsBefore(today), cancellationToken);
        var unsupported = await ChallengeRegister.Rows(db, sites, new ChallengeFilter(), today).Where(r => r.Code.StartsWith("ASSUR-")).ToListAsync(cancellationToken);
        return new ProviderSiteParts(risks, figures, monthly, unsupported).InOrder();
    }

    /// <summary>The sites' recovery risks not yet resolved, each with the challenges standing on it.</summary>
    private static IQueryable<JoinedRiskVm> OpenRisks(VeriviusDbContext db, IQueryable<Site> sites)
    {
        var statuses = ChallengeStatuses.Active;
        return db.RecoveryRisks
            .Join(sites, r => r.SiteId, s => s.Id, (r, s) => new { r, s })
            .Where(x => x.r.Details.Trend != RiskTrend.Resolved)
            .Select(x => new JoinedRiskVm(
                x.s.Code, x.s.Name, x.r.Details.Area, x.r.Ref, x.r.Details.Risk, x.r.Details.CurrentActionRef, x.r.Details.Owner, x.r.Details.ReviewOn, x.r.Details.Trend,
                // Found from the risk's subject rows (indexed by site, kind and reference), not by testing every active challenge of the site.
                db.ChallengeSubjects.Where(n => n.SiteId == x.s.Id && n.Kind == RecordKind.Recovery && n.Ref == x.r.Ref)
                    .Join(db.Challenges, n => n.ChallengeId, c => c.Id, (n, c) => c).Count(c => statuses.Contains(c.Status)),
                db.ChallengeSubjects.Where(n => n.SiteId == x.s.Id && n.Kind == RecordKind.Recovery && n.Ref == x.r.Ref)
                    .Join(db.Challenges, n => n.ChallengeId, c => c.Id, (n, c) => c).Count(c => statuses.Contains(c.Status) && c.Severity == ChallengeSeverity.High)));
    }

    /// <summary>These parts with those of <paramref name="sites"/> replaced by <paramref name="read"/>, the same sites' parts read again.</summary>
    public ProviderSiteParts Replacing(IReadOnlySet<Guid> sites, ProviderSiteParts read)
    {
        var codes = Sites.Where(s => sites.Contains(s.Id)).Select(s => s.Code).Concat(read.Sites.Select(s => s.Code)).ToHashSet(StringComparer.Ordinal);
        return new ProviderSiteParts(
            [.. Risks.Where(r => !codes.Contains(r.SiteCode)), .. read.Risks],
            [.. Sites.Where(s => !sites.Contains(s.Id)), .. read.Sites],
            Monthly.Replacing(sites, read.Monthly),
            [.. Unsupported.Where(r => !codes.Contains(r.SiteCode)), .. read.Unsupported]).InOrder();
    }

    // Sites by name, risks by site and reference, challenges as the register lists them; codes and identifiers settle ties.
    private ProviderSiteParts InOrder() => this with
    {
        Risks = [.. Risks.OrderBy(r => r.SiteCode, StringComparer.Ordinal).ThenBy(r => r.Ref, StringComparer.Ordinal)],
        Sites = [.. Sites.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Code, StringComparer.Ordinal)],
        Unsupported = [.. ChallengeRegister.InRegisterOrder(Unsupported)],
    };
}

internal sealed class GetProviderHomeHandler : IQueryHandler<GetProviderHomeQuery, ProviderHomeVm>
{
    private const int HeatRows = 25;

    private readonly SiteAccess _access;
    private readonly KeptFigures _kept;
    private readonly TimeProvider _clock;

    public GetProviderHomeHandler(SiteAccess access, KeptFigures kept, TimeProvider clock)
    {
        _access = access;
        _kept = kept;
        _clock = clock;
    }

    /// <summary>How the page's data is kept: read whole, or patched with the parts of the sites a save changed.</summary>
    public static SiteParts<ProviderHomeData> Parts(Guid providerId, DateOnly today, DateOnly month) => new(
        db => ActiveSites(db, providerId),
        services => LoadAsync(services.GetRequiredService<VeriviusDbContext>(), providerId, today, month, CancellationToken.None),
        (services, kept, sites) => PatchAsync(services.GetRequiredService<VeriviusDbContext>(), providerId, kept, sites, today, month, CancellationToken.None));

    /// <summary>What the page is computed from, in five commands: the provider, then every active site's parts.</summary>
    public static async Task<ProviderHomeData> LoadAsync(VeriviusDbContext db, Guid providerId, DateOnly today, DateOnly month, CancellationToken cancellationToken)
    {
        var provider = await db.Providers.Where(p => p.Id == providerId).Select(p => new
        {
            p.Name,
            Inactive = db.Sites.Count(s => s.ProviderId == p.Id && !s.IsActive),
            Thresholds = db.ChallengeSettings.Where(c => c.ProviderId == p.Id).Select(c => c.Thresholds).FirstOrDefault(),
        }).SingleAsync(cancellationToken);
        var parts = await ProviderSiteParts.LoadAsync(db, ActiveSites(db, providerId), today, month, cancellationToken);
        return Assembled(provider.Name, provider.Inactive, provider.Thresholds ?? ChallengeThresholds.Defaults, parts, month);
    }

    /// <summary>The page's data with the parts of <paramref name="sites"/> read again: what a save to those sites' records changed.</summary>
    public static async Task<ProviderHomeData> PatchAsync(
        VeriviusDbContext db, Guid providerId, ProviderHomeData kept, IReadOnlySet<Guid> sites, DateOnly today, DateOnly month, CancellationToken cancellationToken)
    {
        var read = await ProviderSiteParts.LoadAsync(db, ActiveSites(db, providerId).Where(s => sites.Contains(s.Id)), today, month, cancellationToken);
        return Assembled(kept.Name, kept.Inactive, kept.Thresholds, kept.Parts.Replacing(sites, read), month);
    }

    private static IQueryable<Site> ActiveSites(VeriviusDbContext db, Guid providerId) => db.Sites.Where(s => s.ProviderId == providerId && s.IsActive);

    /// <summary>The heat map, systemic areas, ranking and trends worked out from the sites' parts, in memory.</summary>
    private static ProviderHomeData Assembled(string name, int inactive, ChallengeThresholds thresholds, ProviderSiteParts parts, DateOnly month)
    {
        var (active, risks) = (parts.Sites, parts.Risks);
        var bySite = risks.ToLookup(r => r.SiteCode);
        var heat = active
            .Select(s => new HeatRowVm(s.Code, s.Name, HeatCells([.. bySite[s.Code]]), s.PackMonths.Where((_, i) => s.Packs[i]).ToHashSet(), s.ReportingFrom))
            .OrderByDescending(r => r.Weight).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var systemic = risks.GroupBy(r => r.Area).Where(g => g.Select(r => r.SiteCode).Distinct().Count() >= thresholds.SystemicRiskSites).Select(g => g.Key).Order().ToList();
        var glance = SiteRating.WorstFirst(active.Select(s => (Figures: s, Rating: s.Rating(bySite[s.Code].Select(r => r.Trend), thresholds))), s => s.Rating, s => s.Figures.Name)
            .Select((s, i) => new GlanceRowVm(i + 1, s.Rating, s.Figures, bySite[s.Figures.Code].Count()))
            .ToList();
        var overdueBySite = active.Where(s => s.Overdue > 0).OrderByDescending(s => s.Overdue).ThenBy(s => s.Name, StringComparer.Ordinal).Take(10).Select(s => (s.Code, s.Name, s.Overdue)).ToList();
        return new ProviderHomeData(
            name,
            inactive,
            thresholds,
            parts,
            heat,
            systemic,
            Trends.Of(parts.Monthly, month),
            glance,
            SiteRating.RuleInWords(thresholds),
            SiteFigures.Measured(active, thresholds.SupervisionDays),
            [.. risks.OrderBy(r => r.Area).ThenBy(r => r.Trend).ThenBy(r => r.SiteName, StringComparer.Ordinal)],
            overdueBySite);
    }

    public async ValueTask<ProviderHomeVm> Handle(GetProviderHomeQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        if (!scope.SeesWholeProvider || scope.ProviderId is not { } providerId)
        {
            throw new ForbiddenException("The provider view is for the nominated individual.");
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var month = PackPeriod.AskedOrLastComplete(query.Filter.Month, today);
        var packMonths = SiteFigures.TwelveMonthsBefore(today);
        var data = await _kept.GetAsync((nameof(ProviderHomeData), providerId, today, month), Parts(providerId, today, month), cancellationToken);
        var (active, unsupported, systemicThreshold) = (data.Sites, data.Unsupported, data.SystemicThreshold);

        var heat = data.Heat;
        var heatPage = Math.Max(1, query.Filter.HeatPage);
        var heatMap = new Page<HeatRowVm>([.. heat.Skip((heatPage - 1) * HeatRows).Take(HeatRows)], new ListRequest(heatPage), heat.Count);
        var systemic = data.Systemic;

        var glance = Ordered(data.Glance, query.Filter.Order).ToList();
        var glancePage = Math.Max(1, query.Filter.GlancePage);
        return new ProviderHomeVm(
            data.Name,
            active.Count,
            data.Inactive,
            query.Filter,
            new Page<GlanceRowVm>([.. glance.Skip((glancePage - 1) * HeatRows).Take(HeatRows)], new ListRequest(glancePage), glance.Count),
            data.RatingRule,
            heatMap,
            systemic,
            systemicThreshold,
            JoinedMap(data.RecoveryMap, query.Filter, query.Request),
            [.. unsupported.Take(10)],
            unsupported.Count,
            data.OverdueBySite,
            active.Sum(s => s.Overdue),
            data.Measures,
            packMonths,
            data.Trends,
            month,
            today);
    }

    /// <summary>
    /// Red where a risk is worsening or a High challenge stands on one; amber where a risk is not
    /// improving or any challenge stands on one; green where every open risk is improving.
    /// </summary>
    private static Dictionary<AssuranceArea, HeatCellVm> HeatCells(List<JoinedRiskVm> risks) =>
        Enum.GetValues<AssuranceArea>().ToDictionary(area => area, area =>
        {
            var here = risks.Where(r => r.Area == area).ToList();
            if (here.Count == 0)
            {
                return new HeatCellVm(HeatColour.None, 0, 0, 0, null, null);
            }

            var colour = here.Any(r => r.Trend == RiskTrend.Worsening || r.HighChallenges > 0) ? HeatColour.Red
                : here.Any(r => r.Trend == RiskTrend.NoChange || r.OpenChallenges > 0) ? HeatColour.Amber
                : HeatColour.Green;
            return new HeatCellVm(colour, here.Count, here.Sum(r => r.OpenChallenges), here.Sum(r => r.HighChallenges), here.Min(r => r.Trend), here.Count == 1 ? here[0].Ref : null);
        });

    /// <summary>The ranking by default; else by name, or worst first on one figure (a site with no figure last).</summary>
    private static IEnumerable<GlanceRowVm> Ordered(IReadOnlyList<GlanceRowVm> rows, string? order) => order switch
    {
        "site" => rows.OrderBy(r => r.Figures.Name, StringComparer.Ordinal),
        "challenges" => rows.OrderByDescending(r => r.Figures.HighChallenges).ThenByDescending(r => r.Figures.OpenChallenges).ThenBy(r => r.Rank),
        "overdue" => rows.OrderByDescending(r => r.Figures.Overdue).ThenBy(r => r.Rank),
        "training" => rows.OrderBy(r => Share(r.Figures.Training)).ThenBy(r => r.Rank),
        "supervision" => rows.OrderBy(r => Share(r.Figures.Supervision)).ThenBy(r => r.Rank),
        _ => rows,
    };

    private static double Share(StaffCount? count) => count is { Staff: > 0 } c ? (double)c.Meeting / c.Staff : double.MaxValue;

    /// <summary>The joined recovery map filtered and paged; <paramref name="risks"/> come in the default order (area, trend, site).</summary>
    private static Page<JoinedRiskVm> JoinedMap(IReadOnlyList<JoinedRiskVm> risks, ProviderViewFilter filter, ListRequest request)
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
            _ => rows,
        };
        var all = rows.ToList();
        return new Page<JoinedRiskVm>([.. all.Skip((request.SafePage - 1) * ListRequest.PageSize).Take(ListRequest.PageSize)], request, all.Count);
    }
}
