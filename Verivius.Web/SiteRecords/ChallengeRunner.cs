using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>What one run of the engine changed in the register.</summary>
public sealed record ChallengeRunSummary(int Sites, int Raised, int Changed, int Reopened, int Cleared)
{
    public static ChallengeRunSummary None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Each challenge the run raised, reopened or closed, for a person asking what an upload would do.</summary>
    public IReadOnlyList<ChallengeMove> Moves { get; init; } = [];

    public ChallengeRunSummary Add(ChallengeRunSummary other) =>
        new(Sites + other.Sites, Raised + other.Raised, Changed + other.Changed, Reopened + other.Reopened, Cleared + other.Cleared) { Moves = [.. Moves, .. other.Moves] };

    public override string ToString() =>
        $"{Sites} site(s) checked: {Raised} challenge(s) raised, {Changed} changed, {Reopened} reopened, {Cleared} closed as condition cleared.";
}

/// <summary>A challenge that opened (raised or reopened) or closed as its condition cleared, with its rule's code and finding.</summary>
public sealed record ChallengeMove(ChallengeEventKind Kind, string Code, string Finding)
{
    public bool Opens => Kind is ChallengeEventKind.Raised or ChallengeEventKind.Reopened;
}

/// <summary>
/// Runs the challenge engine for sites and brings the register in line with what it finds: new
/// findings are raised, standing ones updated, returning ones reopened, and the ones whose condition
/// no longer holds closed as "condition cleared". Callers check access; this does what it is asked.
/// </summary>
public sealed class ChallengeRunner
{
    /// <summary>Sites judged per batch: one query per kind of record each, and one save.</summary>
    private const int BatchSize = 50;

    private readonly VeriviusDbContext _db;
    private readonly TimeProvider _clock;

    public ChallengeRunner(VeriviusDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    /// <summary>The findings for one site as of a day, and the register they were judged beside, which is left unchanged.</summary>
    public async Task<(IReadOnlyList<ChallengeFinding> Findings, IReadOnlyList<Challenge> Register)> EvaluateAsync(Guid siteId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var providerId = await _db.Sites.Where(s => s.Id == siteId).Select(s => s.ProviderId).SingleAsync(cancellationToken);
        var rules = await ProviderContextAsync(providerId, cancellationToken);
        var evidence = await SiteEvidenceLoader.LoadAsync(_db, [siteId], asOf, cancellationToken);
        var register = await _db.Challenges.AsNoTracking().Where(c => c.SiteId == siteId).ToListAsync(cancellationToken);
        return (rules.Evaluate(evidence[siteId], asOf, [.. register.Select(StateOf)]), register);
    }

    /// <summary>
    /// Runs the engine for the given sites (of any providers) and saves the register, a batch at a time.
    /// <paramref name="beforeSaving"/> is told what each batch changes just before it is saved, so that a caller
    /// can record it on an entity it tracks in the same save.
    /// </summary>
    public async Task<ChallengeRunSummary> RunAsync(
        IReadOnlyCollection<Guid> siteIds, DateOnly asOf, CancellationToken cancellationToken, Action<ChallengeRunSummary>? beforeSaving = null)
    {
        var sites = await _db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).Select(s => new { s.Id, s.ProviderId }).ToListAsync(cancellationToken);
        var summary = ChallengeRunSummary.None;
        foreach (var provider in sites.GroupBy(s => s.ProviderId))
        {
            var rules = await ProviderContextAsync(provider.Key, cancellationToken);
            foreach (var batch in provider.Select(s => s.Id).Order().Chunk(BatchSize))
            {
                summary = summary.Add(await RunBatchAsync(batch, asOf, rules, beforeSaving, cancellationToken));
            }
        }

        return summary;
    }

    private async Task<ChallengeRunSummary> RunBatchAsync(Guid[] siteIds, DateOnly asOf, ProviderRules rules, Action<ChallengeRunSummary>? beforeSaving, CancellationToken cancellationToken)
    {
        var evidence = await SiteEvidenceLoader.LoadAsync(_db, siteIds, asOf, cancellationToken);
        var registers = (await _db.Challenges.Where(c => siteIds.Contains(c.SiteId)).ToListAsync(cancellationToken)).ToLookup(c => c.SiteId);
        int changed = 0;
        var moves = new List<ChallengeMove>();
        foreach (var siteId in siteIds)
        {
            var register = registers[siteId].ToDictionary(c => (c.Code, c.Key));
            var findings = rules.Evaluate(evidence[siteId], asOf, [.. register.Values.Select(StateOf)]);
            foreach (var finding in findings)
            {
                if (!register.Remove((finding.Code, finding.Key), out var challenge))
                {
                    _db.Challenges.Add(Challenge.Raise(siteId, finding, asOf));
                    moves.Add(new ChallengeMove(ChallengeEventKind.Raised, finding.Code, finding.Finding));
                }
                else
                {
                    switch (challenge.Found(finding, asOf))
                    {
                        case ChallengeEventKind.Reopened: moves.Add(new ChallengeMove(ChallengeEventKind.Reopened, finding.Code, finding.Finding)); break;
                        case ChallengeEventKind.Changed: changed++; break;
                        default: break;
                    }
                }
            }

            moves.AddRange(register.Values.Where(c => c.NotFound(asOf) is not null).Select(c => new ChallengeMove(ChallengeEventKind.ConditionCleared, c.Code, c.Finding)));
        }

        var summary = new ChallengeRunSummary(siteIds.Length, Count(ChallengeEventKind.Raised), changed, Count(ChallengeEventKind.Reopened), Count(ChallengeEventKind.ConditionCleared)) { Moves = moves };
        beforeSaving?.Invoke(summary);
        _db.ChangeTracker.DetectChanges();
        await _db.SaveChangesAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        return summary;

        int Count(ChallengeEventKind kind) => moves.Count(m => m.Kind == kind);
    }

    /// <summary>The provider's thresholds, and how many of its active sites have an open risk in each area.</summary>
    private async Task<ProviderRules> ProviderContextAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var thresholds = await _db.ChallengeSettings.AsNoTracking().Where(s => s.ProviderId == providerId).Select(s => s.Thresholds).FirstOrDefaultAsync(cancellationToken)
            ?? ChallengeThresholds.Defaults;
        var counts = await _db.RecoveryRisks
            .Where(r => r.Details.Trend != RiskTrend.Resolved)
            .Join(_db.Sites.Where(s => s.ProviderId == providerId && s.IsActive), r => r.SiteId, s => s.Id, (r, s) => new { r.Details.Area, r.SiteId })
            .GroupBy(r => r.Area)
            .Select(g => new { Area = g.Key, Sites = g.Select(r => r.SiteId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var framework = await FrameworkInUse.FindAsync(_db, providerId, cancellationToken);
        return new ProviderRules(thresholds, new ProviderPicture(counts.ToDictionary(c => c.Area, c => c.Sites)), framework?.LinesOfEnquiry);
    }

    private static ChallengeState StateOf(Challenge c) => new(c.Code, c.Key, c.Status, c.Severity, c.OpenedOn, c.SubjectRefs);

    /// <summary>What the engine reads of a provider besides a site's records: its thresholds, its other sites' risks, and the lines of enquiry of its framework, if it works to one that has them.</summary>
    private sealed record ProviderRules(ChallengeThresholds Thresholds, ProviderPicture Picture, IReadOnlyList<LineOfEnquiryEvidence>? LinesOfEnquiry)
    {
        public IReadOnlyList<ChallengeFinding> Evaluate(SiteEvidence site, DateOnly asOf, IReadOnlyList<ChallengeState> register) =>
            ChallengeEngine.Evaluate(site, asOf, Thresholds, Picture, register, linesOfEnquiry: LinesOfEnquiry);
    }
}
