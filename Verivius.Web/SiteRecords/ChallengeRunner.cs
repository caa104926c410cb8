using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// What one run of the engine changed in the register. <paramref name="Sites"/> counts every site checked,
/// <see cref="Standing"/> those of them whose last judgement was known to stand, so were not judged again.
/// </summary>
public sealed record ChallengeRunSummary(int Sites, int Raised, int Changed, int Reopened, int Cleared)
{
    public static ChallengeRunSummary None { get; } = new(0, 0, 0, 0, 0);

    public int Standing { get; init; }

    /// <summary>Each challenge the run raised, reopened or closed, for a person asking what an upload would do.</summary>
    public IReadOnlyList<ChallengeMove> Moves { get; init; } = [];

    /// <summary>Where the run's time went, for anyone asking why a night was slow (the <c>challenges</c> benchmark prints it).</summary>
    public ChallengeRunTimes Times { get; init; } = ChallengeRunTimes.None;

    public ChallengeRunSummary Add(ChallengeRunSummary other) =>
        new(Sites + other.Sites, Raised + other.Raised, Changed + other.Changed, Reopened + other.Reopened, Cleared + other.Cleared)
        {
            Moves = [.. Moves, .. other.Moves],
            Standing = Standing + other.Standing,
            Times = Times.Add(other.Times),
        };

    public override string ToString() =>
        $"{Sites} site(s) checked{(Standing > 0 ? $" ({Standing} unchanged since their last check)" : "")}: {Raised} challenge(s) raised, {Changed} changed, {Reopened} reopened, {Cleared} closed as condition cleared.";
}

/// <summary>
/// The time a run spent judging sites, phase by phase: reading their records, reading their registers, the rules as of the
/// day with the register brought in line (until it is steady), the rules on the days looked ahead, and saving with the
/// judgements noted. Deciding which sites are due is not in it.
/// </summary>
public sealed record ChallengeRunTimes(TimeSpan ReadingRecords, TimeSpan ReadingRegisters, TimeSpan Rules, TimeSpan LookingAhead, TimeSpan Saving)
{
    public static ChallengeRunTimes None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public ChallengeRunTimes Add(ChallengeRunTimes other) =>
        new(ReadingRecords + other.ReadingRecords, ReadingRegisters + other.ReadingRegisters, Rules + other.Rules, LookingAhead + other.LookingAhead, Saving + other.Saving);
}

/// <summary>A challenge that opened (raised or reopened) or closed as its condition cleared, with its rule's code and finding.</summary>
public sealed record ChallengeMove(ChallengeEventKind Kind, string Code, string Finding)
{
    public bool Opens => Kind is ChallengeEventKind.Raised or ChallengeEventKind.Reopened;
}

/// <summary>
/// Runs the challenge engine for sites and brings the register in line with what it finds: new
/// findings are raised, standing ones updated, returning ones reopened, and the ones whose condition
/// no longer holds closed as "condition cleared". Each judgement is noted with how long it stands
/// (<see cref="SiteJudgement"/>), so that a run for today can leave alone the sites it cannot change.
/// Callers check access; this does what it is asked.
/// </summary>
public sealed class ChallengeRunner
{
    /// <summary>Sites judged per batch: one query per kind of record each, and one save.</summary>
    private const int BatchSize = 50;

    /// <summary>Judgements of one site in one run, at most: the rules about challenges settle in two.</summary>
    private const int MostPasses = 3;

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
    /// <remarks>
    /// A run as of today or later judges no day before today, so, like the nightly run, it leaves out the records no rule
    /// can find anything about from then on (<see cref="SettledRecords"/>): the check after an upload then reads the
    /// site's recent months and what is still unresolved, not every month it has kept. A run as of a past day reads every record.
    /// </remarks>
    public Task<ChallengeRunSummary> RunAsync(
        IReadOnlyCollection<Guid> siteIds, DateOnly asOf, CancellationToken cancellationToken, Action<ChallengeRunSummary>? beforeSaving = null) =>
        RunAsync(siteIds, asOf, everySite: true, beforeSaving, leaveOutSettled: asOf >= Today, cancellationToken);

    /// <summary>
    /// Runs the engine for the given sites from every record they have kept, settled or not, and saves the register: what the
    /// runs that leave settled records out are checked against.
    /// </summary>
    public Task<ChallengeRunSummary> RunReadingEveryRecordAsync(IReadOnlyCollection<Guid> siteIds, DateOnly asOf, CancellationToken cancellationToken) =>
        RunAsync(siteIds, asOf, everySite: true, beforeSaving: null, leaveOutSettled: false, cancellationToken);

    /// <summary>
    /// Runs the engine for those of the sites whose last judgement may not stand on <paramref name="day"/>:
    /// their records or their provider's context changed since, or the calendar reached a day whose
    /// findings differ. The register ends as a run for every site would leave it.
    /// </summary>
    public Task<ChallengeRunSummary> RunWhereDueAsync(IReadOnlyCollection<Guid> siteIds, DateOnly day, CancellationToken cancellationToken) =>
        RunAsync(siteIds, day, everySite: false, beforeSaving: null, leaveOutSettled: true, cancellationToken);

    private async Task<ChallengeRunSummary> RunAsync(
        IReadOnlyCollection<Guid> siteIds, DateOnly asOf, bool everySite, Action<ChallengeRunSummary>? beforeSaving, bool leaveOutSettled, CancellationToken cancellationToken)
    {
        var sites = await _db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).Select(s => new { s.Id, s.ProviderId }).ToListAsync(cancellationToken);
        var summary = ChallengeRunSummary.None;
        foreach (var provider in sites.GroupBy(s => s.ProviderId))
        {
            var rules = await ProviderContextAsync(provider.Key, cancellationToken);
            var ids = provider.Select(s => s.Id).ToList();
            var due = everySite ? ids : await DueAsync(ids, asOf, rules.Context, cancellationToken);
            summary = summary.Add(ChallengeRunSummary.None with { Sites = ids.Count - due.Count, Standing = ids.Count - due.Count });
            foreach (var batch in due.Order().Chunk(BatchSize))
            {
                summary = summary.Add(await RunBatchAsync(batch, asOf, rules, lookAhead: !everySite, leaveOutSettled, beforeSaving, cancellationToken));
            }
        }

        return summary;
    }

    /// <summary>The sites never judged, or whose judgement may not stand on the day.</summary>
    private async Task<List<Guid>> DueAsync(List<Guid> siteIds, DateOnly day, string providerContext, CancellationToken cancellationToken)
    {
        var judgements = await _db.SiteJudgements.AsNoTracking().Where(j => siteIds.Contains(j.SiteId)).ToDictionaryAsync(j => j.SiteId, cancellationToken);
        return [.. siteIds.Where(id => !judgements.TryGetValue(id, out var judgement) || judgement.IsDue(day, providerContext))];
    }

    /// <param name="lookAhead">
    /// Whether to ask the rules how long the findings stand. A run for today that leaves sites alone needs to know;
    /// a run for given sites (after an upload, or as of another day) notes that its judgement stands for the day only,
    /// rather than spend four weeks of rules on each site.
    /// </param>
    /// <param name="leaveOutSettled">
    /// Whether to leave out the records settled by the as-of day (<see cref="SettledRecords"/>): right for a judgement of no
    /// day before it, as every run as of today or later is.
    /// </param>
    private async Task<ChallengeRunSummary> RunBatchAsync(
        Guid[] siteIds, DateOnly asOf, ProviderRules rules, bool lookAhead, bool leaveOutSettled, Action<ChallengeRunSummary>? beforeSaving, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();

        // Read before the records: a save landing in between is then judged again next time, never missed.
        var judgements = await _db.SiteJudgements.Where(j => siteIds.Contains(j.SiteId)).ToDictionaryAsync(j => j.SiteId, cancellationToken);
        var evidence = await SiteEvidenceLoader.LoadAsync(
            _db,
            siteIds,
            asOf,
            cancellationToken,
            through: lookAhead ? asOf.AddDays(ChallengeCalendar.DaysLookedAhead) : null,
            settledUnder: leaveOutSettled ? rules.Thresholds : null,
            carried: leaveOutSettled ? OldRecordsRead.CarriedTo(judgements.Values, asOf, rules.Context) : null);
        var readingRecords = Stopwatch.GetElapsedTime(started);
        started = Stopwatch.GetTimestamp();

        // Without the records each challenge is about, two to three tracked rows a challenge: the standing challenges grow with
        // what a provider leaves unanswered, and a judgement rewrites few of them. Those a pass rewrites have theirs loaded first.
        var registers = (await _db.Challenges.IgnoreAutoIncludes().Where(c => siteIds.Contains(c.SiteId)).ToListAsync(cancellationToken)).ToLookup(c => c.SiteId);
        var withoutRecords = registers.SelectMany(site => site).Select(c => c.Id).ToHashSet();
        var readingRegisters = Stopwatch.GetElapsedTime(started);
        var lookingAhead = TimeSpan.Zero;
        var loadingRecords = TimeSpan.Zero;
        started = Stopwatch.GetTimestamp();
        int changed = 0;
        var moves = new List<ChallengeMove>();
        var standsUntil = new Dictionary<Guid, DateOnly>();
        foreach (var siteId in siteIds)
        {
            var register = registers[siteId].ToList();
            var findings = rules.Evaluate(evidence[siteId], asOf, StatesOf(register));
            for (var pass = 1; ; pass++)
            {
                var loadingFrom = Stopwatch.GetTimestamp();
                await LoadRecordsOfRewrittenAsync(findings, register, withoutRecords, cancellationToken);
                loadingRecords += Stopwatch.GetElapsedTime(loadingFrom);
                changed += Apply(siteId, findings, register, asOf, moves);

                // The rules about challenges read the register, which this pass has just changed: judge again
                // until they find what it holds, so the register is left as a second run would leave it.
                var again = rules.Evaluate(evidence[siteId], asOf, StatesOf(register));
                if (ChallengeCalendar.Same(findings, again))
                {
                    var lookingFrom = Stopwatch.GetTimestamp();
                    standsUntil[siteId] = lookAhead
                        ? ChallengeCalendar.StandsUntil(findings, asOf, day => rules.Evaluate(evidence[siteId], day, StatesOf(register)))
                        : asOf.AddDays(1);
                    lookingAhead += Stopwatch.GetElapsedTime(lookingFrom);
                    break;
                }

                if (pass == MostPasses)
                {
                    standsUntil[siteId] = asOf;
                    break;
                }

                findings = again;
            }
        }

        var judging = Stopwatch.GetElapsedTime(started);
        var summary = new ChallengeRunSummary(siteIds.Length, Count(ChallengeEventKind.Raised), changed, Count(ChallengeEventKind.Reopened), Count(ChallengeEventKind.ConditionCleared)) { Moves = moves };
        beforeSaving?.Invoke(summary);
        started = Stopwatch.GetTimestamp();
        _db.ChangeTracker.DetectChanges();
        var changing = await SitesChanged.ByAsync(_db, cancellationToken);
        var oldRecordsRead = leaveOutSettled ? OldRecordsRead.Of(evidence, asOf) : null;
        foreach (var siteId in siteIds)
        {
            if (!judgements.TryGetValue(siteId, out var judgement))
            {
                judgement = new SiteJudgement(siteId);
                _db.SiteJudgements.Add(judgement);
            }

            // This save counts the site's changes on once more when it changes the site's register.
            judgement.Judged(asOf, judgement.Changes + (changing.Contains(siteId) ? 1 : 0), standsUntil[siteId], rules.Context, oldRecordsRead?[siteId]);
        }

        await _db.SaveChangesAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        return summary with { Times = new(readingRecords, readingRegisters + loadingRecords, judging - lookingAhead - loadingRecords, lookingAhead, Stopwatch.GetElapsedTime(started)) };

        int Count(ChallengeEventKind kind) => moves.Count(m => m.Kind == kind);
    }

    /// <summary>
    /// Brings one site's register in line with the findings: raises the new ones (adding them to
    /// <paramref name="register"/>), updates or reopens those found again, and closes those no longer found.
    /// Returns how many challenges changed their wording.
    /// </summary>
    private int Apply(Guid siteId, IReadOnlyList<ChallengeFinding> findings, List<Challenge> register, DateOnly asOf, List<ChallengeMove> moves)
    {
        var notFound = register.ToDictionary(c => (c.Code, c.Key));
        var changed = 0;
        foreach (var finding in findings)
        {
            if (!notFound.Remove((finding.Code, finding.Key), out var challenge))
            {
                var raised = Challenge.Raise(siteId, finding, asOf);
                _db.Challenges.Add(raised);
                register.Add(raised);
                moves.Add(new ChallengeMove(ChallengeEventKind.Raised, finding.Code, finding.Finding));
                continue;
            }

            switch (challenge.Found(finding, asOf))
            {
                case ChallengeEventKind.Reopened: moves.Add(new ChallengeMove(ChallengeEventKind.Reopened, finding.Code, finding.Finding)); break;
                case ChallengeEventKind.Changed: changed++; break;
                default: break;
            }
        }

        moves.AddRange(notFound.Values.Where(c => c.NotFound(asOf) is not null).Select(c => new ChallengeMove(ChallengeEventKind.ConditionCleared, c.Code, c.Finding)));
        return changed;
    }

    /// <summary>Loads the records of the register's challenges that <see cref="Apply"/> will rewrite with the findings, where the register was read without them.</summary>
    private async Task LoadRecordsOfRewrittenAsync(IReadOnlyList<ChallengeFinding> findings, List<Challenge> register, HashSet<Guid> withoutRecords, CancellationToken cancellationToken)
    {
        var held = register.ToDictionary(c => (c.Code, c.Key));
        List<Guid> rewritten = [.. findings
            .Select(f => held.TryGetValue((f.Code, f.Key), out var challenge) && withoutRecords.Contains(challenge.Id) && challenge.Rewrites(f) ? challenge.Id : (Guid?)null)
            .OfType<Guid>()];
        if (rewritten.Count == 0)
        {
            return;
        }

        // Tracked, so each row takes its place in its challenge's records.
        await _db.ChallengeSubjects.Where(s => rewritten.Contains(s.ChallengeId)).LoadAsync(cancellationToken);
        withoutRecords.ExceptWith(rewritten);
    }

    private static List<ChallengeState> StatesOf(IEnumerable<Challenge> register) => [.. register.Select(StateOf)];

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
        var picture = new ProviderPicture(counts.ToDictionary(c => c.Area, c => c.Sites));
        var lines = framework?.LinesOfEnquiry;
        return new ProviderRules(thresholds, picture, lines, ChallengeCalendar.ProviderContext(thresholds, picture, Described(framework?.Framework.Version, lines)));
    }

    /// <summary>Everything of the lines of enquiry the overconfidence rule reads, as text.</summary>
    private static string Described(string? version, IReadOnlyList<LineOfEnquiryEvidence>? lines) =>
        string.Join('\n', (lines ?? []).Select(l =>
            string.Join('|', l.Item.Code, l.Item.Title, l.Item.KeyQuestion, l.Item.ChallengeCodes, l.Item.Characteristics, string.Join(',', l.RecordKinds.Order())))
            .Prepend(version ?? ""));

    private static ChallengeState StateOf(Challenge c) => new(c.Code, c.Key, c.Status, c.Severity, c.OpenedOn, c.SubjectRefs);

    /// <summary>What the engine reads of a provider besides a site's records: its thresholds, its other sites' risks, and the lines of enquiry of its framework, if it works to one that has them.</summary>
    private sealed record ProviderRules(ChallengeThresholds Thresholds, ProviderPicture Picture, IReadOnlyList<LineOfEnquiryEvidence>? LinesOfEnquiry, string Context)
    {
        public IReadOnlyList<ChallengeFinding> Evaluate(SiteEvidence site, DateOnly asOf, IReadOnlyList<ChallengeState> register) =>
            ChallengeEngine.Evaluate(site, asOf, Thresholds, Picture, register, linesOfEnquiry: LinesOfEnquiry);
    }
}
