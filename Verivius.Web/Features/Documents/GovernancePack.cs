using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Charts;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Features.Provider;
using Verivius.Web.Features.Records;
using Verivius.Web.SiteRecords;
using static Verivius.Web.Features.Documents.DocumentWords;

namespace Verivius.Web.Features.Documents;

/// <summary>
/// The board pack (every active site of a provider) and the site governance pack (one site): the
/// same shape at two scales. Summary first — what improved, what remains fragile, what changed since
/// the last pack — then the decisions the board must take, the sites at a glance, the joined recovery
/// map, unsupported assurance, incidents, complaints, the workforce, the response to inspection,
/// the trends, and an appendix of every record the pack names, so each claim traces to evidence.
/// </summary>
internal sealed class GovernancePack : IDocumentComposer
{
    /// <summary>Long lists stop here and say how many more there are; the registers hold the rest.</summary>
    private const int ListedRows = 200;

    private readonly VeriviusDbContext _db;

    public GovernancePack(VeriviusDbContext db) => _db = db;

    public bool Writes(DocumentKind kind) => kind is DocumentKind.BoardPack or DocumentKind.SitePack;

    public async Task<DocumentContent> ComposeAsync(GovernanceDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var asOf = document.DataAsOf;
        var period = document.Period;
        var sites = document.SiteId is { } siteId
            ? _db.Sites.Where(s => s.Id == siteId)
            : _db.Sites.Where(s => s.ProviderId == document.ProviderId && s.IsActive);
        var provider = await _db.Providers.Where(p => p.Id == document.ProviderId).Select(p => new
        {
            p.Name,
            SupervisionDays = _db.ChallengeSettings.Where(c => c.ProviderId == p.Id).Select(c => (int?)c.Thresholds.SupervisionDays).FirstOrDefault(),
        }).SingleAsync(cancellationToken);
        var months = SiteFigures.TwelveMonthsBefore(period.AddMonths(1));
        var figures = await SiteFigures.Of(_db, sites, asOf, provider.SupervisionDays ?? ChallengeThresholds.Defaults.SupervisionDays, months)
            .OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var siteIds = figures.Select(s => s.Id).ToList();
        var siteOf = figures.ToDictionary(s => s.Id);
        var active = ChallengeStatuses.Active;

        var risks = await _db.RecoveryRisks.Where(r => siteIds.Contains(r.SiteId))
            .Select(r => new Risk(r.SiteId, r.Ref, r.Details.Area, r.Details.Risk, r.Details.CurrentActionRef, r.Details.Owner, r.Details.ReviewOn, r.Details.Trend))
            .ToListAsync(cancellationToken);
        var challenges = await _db.Challenges.Where(c => siteIds.Contains(c.SiteId) && active.Contains(c.Status))
            .OrderBy(c => c.RaisedOn)
            .Select(c => new OpenChallenge(c.SiteId, c.Code, c.Severity, c.Status, c.Finding, c.Subjects, c.RaisedOn, c.EscalationReason))
            .ToListAsync(cancellationToken);
        var onRisk = challenges
            .SelectMany(c => SubjectRef.Split(c.Subjects).Where(s => s.Kind == RecordKind.Recovery).Select(s => (c.SiteId, s.Ref, c.Severity)))
            .ToLookup(x => (x.SiteId, x.Ref), x => x.Severity);
        var overdue = await _db.Actions
            .Where(a => siteIds.Contains(a.SiteId) && a.Details.DueOn < asOf && (a.Details.Status != ActionStatus.Closed || a.Details.ClosedOn > asOf))
            .OrderBy(a => a.Details.DueOn)
            .Select(a => new { a.SiteId, a.Ref, a.Details.Title, a.Details.Owner, a.Details.DueOn })
            .Take(ListedRows + 1)
            .ToListAsync(cancellationToken);
        var monthEnd = period.AddMonths(1);
        var complaints = await _db.Complaints
            .Where(c => siteIds.Contains(c.SiteId) && c.Details.ReceivedOn >= period && c.Details.ReceivedOn < monthEnd)
            .GroupBy(c => c.SiteId)
            .Select(g => new
            {
                SiteId = g.Key,
                Received = g.Count(),
                Responded = g.Count(c => c.Details.RespondedOn != null && c.Details.RespondedOn <= asOf),
                Upheld = g.Count(c => c.Details.Outcome == ComplaintOutcome.Upheld || c.Details.Outcome == ComplaintOutcome.PartlyUpheld),
                WithLearning = g.Count(c => c.Details.Learning != null && c.Details.Learning != ""),
                CarePlansDue = g.Count(c => c.Details.CarePlanUpdateRequired == true),
                CarePlansUpdated = g.Count(c => c.Details.CarePlanUpdateRequired == true && c.Details.CarePlanUpdatedOn != null && c.Details.CarePlanUpdatedOn <= asOf),
            })
            .ToDictionaryAsync(c => c.SiteId, cancellationToken);
        var yearAgo = asOf.AddYears(-1);
        var appraised = await _db.Supervision
            .Where(x => siteIds.Contains(x.SiteId) && x.Details.Type == SupervisionType.Appraisal && x.Details.HeldOn > yearAgo && x.Details.HeldOn <= asOf)
            .GroupBy(x => x.SiteId)
            .Select(g => new { SiteId = g.Key, Staff = g.Select(x => x.Details.StaffRef).Distinct().Count() })
            .ToDictionaryAsync(x => x.SiteId, x => x.Staff, cancellationToken);
        var findings = await _db.InspectionFindings.Where(f => siteIds.Contains(f.SiteId))
            .OrderBy(f => f.Details.Kind).ThenBy(f => f.Details.InspectedOn)
            .Select(f => new
            {
                f.SiteId,
                f.Ref,
                f.Details.Kind,
                f.Details.Regulation,
                f.Details.Finding,
                Action = _db.Actions.Where(a => a.Id == f.ActionId).Select(a => new { a.Ref, a.Details.Status, a.Details.DueOn, a.Details.ClosedOn }).FirstOrDefault(),
            })
            .Take(ListedRows + 1)
            .ToListAsync(cancellationToken);
        var since = await _db.Documents
            .Where(d => d.ProviderId == document.ProviderId && d.Kind == document.Kind && d.SiteId == document.SiteId && d.Status == DocumentStatus.Ready && d.Period < period)
            .OrderByDescending(d => d.Period)
            .Select(d => (DateOnly?)d.DataAsOf)
            .FirstOrDefaultAsync(cancellationToken);
        var from = since ?? period.AddDays(-1);
        var changes = await _db.ChallengeEvents
            .Where(e => e.On > from && e.On <= asOf)
            .Join(_db.Challenges.Where(c => siteIds.Contains(c.SiteId)), e => e.ChallengeId, c => c.Id, (e, c) => e.Kind)
            .GroupBy(k => k)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        var trends = await Trends.Trends.ForSitesAsync(_db, sites.Select(s => s.Id), period, cancellationToken);

        var referenced = new SortedSet<(string Site, string Kind, string Ref)>();
        void Cite(Guid site, RecordKind kind, string reference) =>
            referenced.Add((siteOf[site].Name, RecordKinds.All.FirstOrDefault(k => k.Kind == kind)?.Singular ?? kind.ToString(), reference));
        void CiteSubjects(OpenChallenge c)
        {
            foreach (var subject in SubjectRef.Split(c.Subjects))
            {
                Cite(c.SiteId, subject.Kind, subject.Ref);
            }
        }

        var isBoard = document.Kind == DocumentKind.BoardPack;
        var openRisks = risks.Where(r => r.Trend != RiskTrend.Resolved).ToList();
        var risksAt = openRisks.ToLookup(r => r.SiteId);
        var challengesAt = challenges.ToLookup(c => c.SiteId);
        var blocks = new List<DocumentBlock>();

        // Executive summary
        blocks.Add(new HeadingBlock(1, "Executive summary"));
        blocks.Add(new ParagraphBlock(
            $"{(isBoard ? $"{Count(figures.Count, "active site")} of {provider.Name}" : figures.Single().Name)} carried {Count(openRisks.Count, "open recovery risk")} at {Date(asOf)}: "
            + $"{openRisks.Count(r => r.Trend == RiskTrend.Worsening)} worsening, {openRisks.Count(r => r.Trend == RiskTrend.NoChange)} not changing and {openRisks.Count(r => r.Trend == RiskTrend.Improving)} improving. "
            + $"{Count(challenges.Count, "challenge")} stand open ({challenges.Count(c => c.Severity == ChallengeSeverity.High)} high), {challenges.Count(c => c.Status == ChallengeStatus.Escalated)} of them escalated; "
            + $"{Count(figures.Sum(s => s.Overdue), "action")} are overdue. The pack for {Month(period)} has arrived from {figures.Count(s => s.Packs[^1])} of {Count(figures.Count, "site")}."));
        blocks.Add(new HeadingBlock(2, "What improved"));
        blocks.Add(Bullets(
            risks.Where(r => r.Trend is RiskTrend.Improving or RiskTrend.Resolved).OrderBy(r => r.Trend).ThenBy(r => r.Area).ToList(),
            r => $"{siteOf[r.SiteId].Name}: {r.Text} ({Trend(r.Trend).ToLowerInvariant()}, {r.Area})",
            $"No recovery risk was improving at {Date(asOf)}."));
        blocks.Add(new HeadingBlock(2, "What remains fragile"));
        blocks.Add(Bullets(
            openRisks.Where(r => r.Trend == RiskTrend.Worsening || onRisk[(r.SiteId, r.Ref)].Contains(ChallengeSeverity.High)).OrderBy(r => r.Trend).ThenBy(r => r.Area).ToList(),
            r => $"{siteOf[r.SiteId].Name}: {r.Text} ({Trend(r.Trend).ToLowerInvariant()}{(onRisk[(r.SiteId, r.Ref)].Contains(ChallengeSeverity.High) ? ", with a high challenge standing on it" : "")})",
            "No open risk is worsening or carries a high challenge."));
        blocks.Add(new HeadingBlock(2, "What changed since the last pack"));
        blocks.Add(new ParagraphBlock(
            (since is { } last ? $"Since the last {DocumentKinds.Title(document.Kind).ToLowerInvariant()} (evidence as at {Date(last)}): " : $"This is the first {DocumentKinds.Title(document.Kind).ToLowerInvariant()} written here; during {Month(period)}: ")
            + $"{Count(changes.GetValueOrDefault(ChallengeEventKind.Raised) + changes.GetValueOrDefault(ChallengeEventKind.Reopened), "challenge")} raised or reopened, "
            + $"{changes.GetValueOrDefault(ChallengeEventKind.ConditionCleared)} cleared by the evidence, {changes.GetValueOrDefault(ChallengeEventKind.Accepted)} answered and accepted, "
            + $"{changes.GetValueOrDefault(ChallengeEventKind.Escalated)} escalated and {changes.GetValueOrDefault(ChallengeEventKind.Responded)} answered by the sites."));

        // Decisions needed
        blocks.Add(new HeadingBlock(1, "Decisions needed"));
        var escalated = challenges.Where(c => c.Status == ChallengeStatus.Escalated).ToList();
        blocks.Add(new ParagraphBlock("Challenges escalated by the nominated individual stay open until the board closes them."));
        blocks.AddRange(ChallengeTable(escalated, siteOf, CiteSubjects, "No challenge is escalated.", withReason: true));

        // Sites at a glance
        blocks.Add(new HeadingBlock(1, isBoard ? "Sites at a glance" : "The site at a glance"));
        blocks.Add(new ParagraphBlock("Red: a risk is worsening, a high challenge stands or the month's pack is missing. Amber: an action is overdue, a challenge stands or a risk is not changing. Green: none of these."));
        blocks.Add(new TableBlock(
            [new("Site", 3), new($"Pack for {ShortMonth(period)}"), new("Open risks"), new("Worsening"), new("Overdue actions"), new("Open challenges (high)"), new("Notified on time, 12 months"), new("Mandatory training in date"), new("Rating")],
            [.. figures.Select(s =>
            {
                var here = risksAt[s.Id].ToList();
                var standing = challengesAt[s.Id].ToList();
                var rating = here.Any(r => r.Trend == RiskTrend.Worsening) || standing.Any(c => c.Severity == ChallengeSeverity.High) || !s.Packs[^1] ? RagRating.Red
                    : s.Overdue > 0 || standing.Count > 0 || here.Any(r => r.Trend == RiskTrend.NoChange) ? RagRating.Amber
                    : RagRating.Green;
                return (IReadOnlyList<TableCellText>)
                [
                    $"{s.Name} ({s.Code})", s.Packs[^1] ? "Received" : "Missing", Number(here.Count), Number(here.Count(r => r.Trend == RiskTrend.Worsening)), Number(s.Overdue),
                    $"{standing.Count} ({standing.Count(c => c.Severity == ChallengeSeverity.High)})", ComplianceVm.Percent(s.Notifiable - s.NotifiedLate, s.Notifiable),
                    ComplianceVm.Percent(s.InDate, s.Mandatory), new TableCellText(rating.ToString(), rating),
                ];
            })],
            "There are no active sites."));

        // The joined recovery map
        blocks.Add(new HeadingBlock(1, "Recovery map"));
        if (openRisks.Count == 0)
        {
            blocks.Add(new ParagraphBlock("No recovery risk is open."));
        }

        foreach (var area in openRisks.GroupBy(r => r.Area).OrderBy(g => g.Key))
        {
            var atSites = area.Select(r => r.SiteId).Distinct().Count();
            blocks.Add(new HeadingBlock(2, $"{area.Key}{(isBoard && atSites > 1 ? $": open at {atSites} sites" : "")}"));
            blocks.Add(new TableBlock(
                [new("Site", 2), new("Risk", 4), new("Current action"), new("Owner", 2), new("Review"), new("Trend"), new("Challenges")],
                [.. area.OrderBy(r => r.Trend).ThenBy(r => siteOf[r.SiteId].Name).Select(r =>
                {
                    Cite(r.SiteId, RecordKind.Recovery, r.Ref);
                    if (r.CurrentActionRef is { } action)
                    {
                        Cite(r.SiteId, RecordKind.Actions, action);
                    }

                    return (IReadOnlyList<TableCellText>)[siteOf[r.SiteId].Name, $"{r.Text} ({r.Ref})", r.CurrentActionRef ?? "none", r.Owner ?? "—", r.ReviewOn is { } on ? Date(on) : "not set", TrendCell(r.Trend), Number(onRisk[(r.SiteId, r.Ref)].Count())];
                })],
                "No open risk."));
        }

        // Unsupported assurance, then what is overdue
        blocks.Add(new HeadingBlock(1, "Unsupported assurance"));
        blocks.Add(new ParagraphBlock("Claims by leaders that the evidence does not bear out (ASSUR-* challenges)."));
        blocks.AddRange(ChallengeTable([.. challenges.Where(c => c.Code.StartsWith("ASSUR-", StringComparison.Ordinal))], siteOf, CiteSubjects, "Every assurance statement is supported by the evidence.", withReason: false));
        blocks.Add(new HeadingBlock(2, "Overdue actions"));
        blocks.AddRange(Capped(
            new TableBlock(
                [new("Site", 2), new("Action", 4), new("Owner", 2), new("Due")],
                [.. overdue.Take(ListedRows).Select(a =>
                {
                    Cite(a.SiteId, RecordKind.Actions, a.Ref);
                    return (IReadOnlyList<TableCellText>)[siteOf[a.SiteId].Name, $"{a.Title} ({a.Ref})", a.Owner ?? "—", a.DueOn is { } due ? Date(due) : "—"];
                })],
                $"No action was overdue at {Date(asOf)}."),
            overdue.Count,
            figures.Sum(s => s.Overdue)));

        // Incidents with notification and candour timeliness
        blocks.Add(new HeadingBlock(1, "Incidents: notification and candour"));
        var notifiable = figures.Sum(s => s.Notifiable);
        var candour = figures.Sum(s => s.Candour);
        blocks.Add(new ParagraphBlock(
            $"Over the twelve months to {Date(asOf)}: {Count(notifiable, "notifiable incident")}, {ComplianceVm.Percent(notifiable - figures.Sum(s => s.NotifiedLate), notifiable)} notified to CQC on time; "
            + $"{Count(candour, "incident")} under the duty of candour, {ComplianceVm.Percent(candour - figures.Sum(s => s.CandourLate), candour)} with the written follow-up on time."));
        blocks.Add(new TableBlock(
            [new("Site", 3), new("Notifiable"), new("Notified late or not at all"), new("On time"), new("Candour applies"), new("Candour late"), new("On time")],
            [.. figures.Select(s => (IReadOnlyList<TableCellText>)
            [
                s.Name, Number(s.Notifiable), Number(s.NotifiedLate), ComplianceVm.Percent(s.Notifiable - s.NotifiedLate, s.Notifiable),
                Number(s.Candour), Number(s.CandourLate), ComplianceVm.Percent(s.Candour - s.CandourLate, s.Candour),
            ])],
            "There are no active sites."));
        blocks.AddRange(ChallengeTable([.. challenges.Where(c => c.Code.StartsWith("INC-", StringComparison.Ordinal))], siteOf, CiteSubjects, "No incident challenge stands open.", withReason: false));

        // Complaints and learning
        blocks.Add(new HeadingBlock(1, "Complaints and learning"));
        blocks.Add(new TableBlock(
            [new("Site", 3), new($"Received in {ShortMonth(period)}"), new("Responded"), new("Upheld in whole or part"), new("Learning recorded"), new("Care plans to update"), new("Updated")],
            [.. figures.Select(s => complaints.TryGetValue(s.Id, out var c)
                ? (IReadOnlyList<TableCellText>)[s.Name, Number(c.Received), Number(c.Responded), Number(c.Upheld), Number(c.WithLearning), Number(c.CarePlansDue), Number(c.CarePlansUpdated)]
                : [s.Name, "0", "—", "—", "—", "—", "—"])],
            "There are no active sites."));
        blocks.AddRange(ChallengeTable([.. challenges.Where(c => c.Code.StartsWith("COMP-", StringComparison.Ordinal))], siteOf, CiteSubjects, "No complaint challenge stands open: learning is reaching care plans.", withReason: false));

        // Training, supervision and appraisal
        blocks.Add(new HeadingBlock(1, "Training, supervision and appraisal"));
        blocks.Add(new ParagraphBlock($"From each site's newest training matrix and supervision record at {Date(asOf)}; appraisals over the twelve months before."));
        blocks.Add(new TableBlock(
            [new("Site", 3), new("Mandatory courses"), new("In date"), new("Staff"), new("Supervised in time"), new("Appraised in 12 months")],
            [.. figures.Select(s => (IReadOnlyList<TableCellText>)
            [
                s.Name, Number(s.Mandatory), ComplianceVm.Percent(s.InDate, s.Mandatory), Number(s.Staff), ComplianceVm.Percent(s.Supervised, s.Staff),
                ComplianceVm.Percent(Math.Min(appraised.GetValueOrDefault(s.Id), s.Staff), s.Staff),
            ])],
            "There are no active sites."));

        // Response to inspection findings
        blocks.Add(new HeadingBlock(1, "Response to inspection findings"));
        blocks.AddRange(Capped(
            new TableBlock(
                [new("Site", 2), new("Finding", 5), new("Kind"), new("Action"), new("Status")],
                [.. findings.Take(ListedRows).Select(f =>
                {
                    Cite(f.SiteId, RecordKind.Inspection, f.Ref);
                    if (f.Action is { } action)
                    {
                        Cite(f.SiteId, RecordKind.Actions, action.Ref);
                    }

                    var status = f.Action switch
                    {
                        null => new TableCellText("No action", RagRating.Red),
                        { Status: ActionStatus.Closed, ClosedOn: { } closed } when closed <= asOf => new TableCellText($"Closed {Date(closed)}", RagRating.Green),
                        { DueOn: { } due } when due < asOf => new TableCellText($"Overdue since {Date(due)}", RagRating.Red),
                        { DueOn: { } due } => new TableCellText($"Due {Date(due)}", RagRating.Amber),
                        _ => new TableCellText("Open, no due date", RagRating.Amber),
                    };
                    return (IReadOnlyList<TableCellText>)[siteOf[f.SiteId].Name, $"{f.Finding} ({f.Ref}{(f.Regulation is { } reg ? $", {reg}" : "")})", f.Kind == FindingKind.MustDo ? "Must do" : "Should do", f.Action?.Ref ?? "—", status];
                })],
                "No inspection findings are recorded."),
            findings.Count,
            null));

        // Trends
        blocks.Add(new HeadingBlock(1, "Trends"));
        foreach (var trend in trends)
        {
            blocks.Add(new HeadingBlock(2, trend.Title));
            blocks.Add(new ImageBlock(trend.Title, trend.Description, TrendChart.Png(trend.Title, trend.Points, trend.IsPercent), TrendChart.Width, TrendChart.Height));
            blocks.Add(new ParagraphBlock(trend.Description + " " + string.Join("; ", trend.Points.Select(p => $"{p.Label}: {TrendChart.Format(p.Value, trend.IsPercent)}")) + "."));
        }

        // Appendix
        blocks.Add(new PageBreakBlock());
        blocks.Add(new HeadingBlock(1, "Appendix: records referenced"));
        blocks.Add(new ParagraphBlock("Every record this pack names, by site; each can be opened in Verivius under the site's records."));
        blocks.Add(new TableBlock(
            [new("Site", 2), new("Record"), new("Reference", 2)],
            [.. referenced.Select(r => (IReadOnlyList<TableCellText>)[r.Site, r.Kind, r.Ref])],
            "The pack names no records."));

        var scope = isBoard ? provider.Name : $"{figures.Single().Name} ({figures.Single().Code}), {provider.Name}";
        return new DocumentContent(
            $"{DocumentKinds.Title(document.Kind)}: {Month(period)}",
            scope,
            [$"Evidence as at {Date(asOf)}.", $"Written by Verivius on {Date(DateOnly.FromDateTime(now.UtcDateTime))} from the records each site keeps; every record named is listed in the appendix."],
            now,
            blocks);
    }

    private static IEnumerable<DocumentBlock> ChallengeTable(List<OpenChallenge> rows, Dictionary<Guid, SiteFigures> siteOf, Action<OpenChallenge> cite, string empty, bool withReason) =>
        Capped(
            new TableBlock(
                withReason
                    ? [new("Site", 2), new("Challenge", 2), new("Finding", 5), new("Escalated because", 3)]
                    : [new("Site", 2), new("Challenge", 2), new("Finding", 6), new("Raised")],
                [.. rows.OrderBy(c => c.Severity).ThenBy(c => c.RaisedOn).Take(ListedRows).Select(c =>
                {
                    cite(c);
                    TableCellText code = new($"{c.Code} ({c.Severity.ToString().ToLowerInvariant()})", c.Severity == ChallengeSeverity.High ? RagRating.Red : RagRating.Amber);
                    return (IReadOnlyList<TableCellText>)(withReason
                        ? [siteOf[c.SiteId].Name, code, c.Finding, c.EscalationReason ?? "—"]
                        : [siteOf[c.SiteId].Name, code, c.Finding, Date(c.RaisedOn)]);
                })],
                empty),
            rows.Count,
            rows.Count);

    /// <summary>A table of the first rows, and a line saying how many more there are when it was cut.</summary>
    private static IEnumerable<DocumentBlock> Capped(TableBlock table, int fetched, int? total)
    {
        yield return table;
        if (fetched > ListedRows)
        {
            var more = total is { } all ? $"{all - ListedRows:N0} more" : "More";
            yield return new ParagraphBlock($"{more} are not listed here; the registers in Verivius hold them all.");
        }
    }

    private static BulletsBlock Bullets<T>(IReadOnlyList<T> items, Func<T, string> line, string empty)
    {
        if (items.Count == 0)
        {
            return new BulletsBlock([empty]);
        }

        var shown = items.Take(25).Select(line).ToList();
        if (items.Count > shown.Count)
        {
            shown.Add($"and {items.Count - shown.Count:N0} more (see the recovery map).");
        }

        return new BulletsBlock(shown);
    }

    private static TableCellText TrendCell(RiskTrend trend) => new(Trend(trend), trend switch
    {
        RiskTrend.Worsening => RagRating.Red,
        RiskTrend.NoChange => RagRating.Amber,
        _ => RagRating.Green,
    });

    private sealed record Risk(Guid SiteId, string Ref, AssuranceArea Area, string Text, string? CurrentActionRef, string? Owner, DateOnly? ReviewOn, RiskTrend Trend);

    private sealed record OpenChallenge(Guid SiteId, string Code, ChallengeSeverity Severity, ChallengeStatus Status, string Finding, string Subjects, DateOnly RaisedOn, string? EscalationReason);
}
