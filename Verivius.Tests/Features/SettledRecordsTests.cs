using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Features.Scale;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Tests.Features;

/// <summary>
/// A judgement that looks ahead from its as-of day leaves out the records settled by then
/// (<see cref="SettledRecords"/>). On generated sites with two and a half years of history, and a claim
/// citing records from the first months, it must find on every day it looks at exactly what a judgement
/// reading every record finds, while reading far fewer records.
/// </summary>
public class SettledRecordsTests
{
    [Fact]
    public async Task LeavingOutSettledRecords_FindsWhatReadingEveryRecordFinds_OnEveryDayLookedAhead()
    {
        using var factory = new PortalFactory();
        factory.CreateClient().Dispose();
        await TestWorlds.AsOperatorAsync(factory, async mediator => TestWorlds.Expect(await mediator.Send(new SeedScaleCommand(2, 30, 13))));
        await ClaimOnOldRecordsAsync(factory);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var sites = await db.Sites.Select(s => s.Id).ToListAsync();
        int everyRecord = 0, leftOut = 0, findings = 0;
        foreach (var asOf in new[] { TestClock.Today, TestClock.Today.AddMonths(7), TestClock.Today.AddMonths(14) })
        {
            var through = asOf.AddDays(ChallengeCalendar.DaysLookedAhead);
            var every = await SiteEvidenceLoader.LoadAsync(db, sites, asOf, CancellationToken.None, through);
            var settledLeftOut = await SiteEvidenceLoader.LoadAsync(db, sites, asOf, CancellationToken.None, through, settledUnder: ChallengeThresholds.Defaults);
            foreach (var site in sites)
            {
                everyRecord += Read(every[site]);
                leftOut += Read(every[site]) - Read(settledLeftOut[site]);
                for (var day = asOf; day <= through; day = day.AddDays(1))
                {
                    var expected = ChallengeEngine.Evaluate(every[site], day);
                    var found = ChallengeEngine.Evaluate(settledLeftOut[site], day);
                    Assert.True(ChallengeCalendar.Same(expected, found), $"As of {asOf:yyyy-MM-dd}, on {day:yyyy-MM-dd}, leaving out settled records found other challenges:\n{Differences(expected, found)}");
                    findings += expected.Count;
                }
            }
        }

        // The comparison means something only if there were findings to keep, and records were left out.
        Assert.True(findings > 1000, $"Only {findings} findings were compared.");
        Assert.True(leftOut * 2 > everyRecord, $"{leftOut} of {everyRecord} incidents, complaints, feedback and audits were left out: less than half of them.");
    }

    private static int Read(SiteEvidence site) => site.Incidents.Count + site.Complaints.Count + site.Feedback.Count + site.Audits.Count;

    /// <summary>
    /// A Green statement at each site citing only the oldest quiet incident, complaint, feedback and audit: settled in every other
    /// way, each still counts as evidence the claim relies on, and the challenge to the claim names all four. A yearly
    /// audit whose newest four are all more than a year old, a failed audit in the month of the newest pack, and an
    /// incident of moderate harm two years old without its action.
    /// </summary>
    private static async Task ClaimOnOldRecordsAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("test");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        foreach (var site in await db.Sites.Select(s => s.Id).ToListAsync())
        {
            var statement = db.AssuranceStatements.Add(new AssuranceStatement(site, new AssuranceDetails(
                "AS-OLD", AssuranceArea.Governance, "Governance has been assured for years", RagRating.Green, Confidence.Qualified, null, null))).Entity;
            var incident = await db.Incidents.Where(i => i.SiteId == site && !i.Details.CqcNotifiable && !i.Details.CandourApplies && i.Details.Severity == Severity.Low)
                .OrderBy(i => i.Details.OccurredOn).FirstAsync();
            var complaint = await db.Complaints.Where(c => c.SiteId == site && c.Details.CarePlanUpdateRequired != true).OrderBy(c => c.Details.ReceivedOn).FirstAsync();
            var feedback = await db.Feedback.Where(f => f.SiteId == site && f.Details.Sentiment == Sentiment.Positive).OrderBy(f => f.Details.ReceivedOn).FirstAsync();
            var oldest = await db.Audits.Where(a => a.SiteId == site).OrderBy(a => a.Details.HeldOn).FirstAsync();

            // A documentation audit failing in the month of the newest pack, against a Green statement on documentation: the
            // rules read the month as the current period until a newer pack arrives, however long that takes.
            var newestPack = await db.Packs.Where(p => p.SiteId == site).MaxAsync(p => p.Period);
            // Four later audits of its type, in the month after, make it no longer one of its type's newest.
            foreach (var day in new[] { 2, 33, 34, 35, 36 })
            {
                var audit = db.Audits.Add(new Audit(site, new AuditDetails($"AUD-DOC-{day}", "Documentation spot check", newestPack.AddDays(day), 70))).Entity;
                audit.Record(audit.Details, [new AuditThemeDetails("Care plans reviewed", day == 2 ? ThemeResult.NotMet : ThemeResult.Met, AssuranceArea.Documentation)]);
            }

            db.AssuranceStatements.Add(new AssuranceStatement(site, new AssuranceDetails(
                "AS-DOC", AssuranceArea.Documentation, "Care records are complete", RagRating.Green, Confidence.Qualified, null, null)));

            // An incident of moderate harm two years ago that never had its action: still a challenge.
            db.Incidents.Add(new Incident(site, new IncidentDetails(
                "INC-OLD-MODERATE", TestClock.Today.AddMonths(-24), IncidentCategory.Fall, Severity.Moderate, CqcNotifiable: false, NotificationType: null,
                NotificationSentOn: null, CandourApplies: false, CandourInPersonOn: null, ApologyGiven: null, CandourWrittenOn: null, ActionRef: null, IncidentStatus.Closed, ClosedOn: null)));

            // A type audited rarely: its newest audits, all more than a year old, still make a headline that masks a theme.
            foreach (var monthsAgo in new[] { 22, 19, 17, 15 })
            {
                var annual = db.Audits.Add(new Audit(site, new AuditDetails($"AUD-FIRE-{monthsAgo}", "Annual fire safety", TestClock.Today.AddMonths(-monthsAgo), 95))).Entity;
                annual.Record(annual.Details, [new AuditThemeDetails("Evacuation drills", ThemeResult.PartlyMet, AssuranceArea.Other)]);
            }

            foreach (var (kind, id, reference) in new[] { (RecordKind.Incidents, incident.Id, incident.Ref), (RecordKind.Complaints, complaint.Id, complaint.Ref), (RecordKind.Feedback, feedback.Id, feedback.Ref), (RecordKind.Audits, oldest.Id, oldest.Ref) })
            {
                db.EvidenceLinks.Add(new EvidenceLink(site, new RecordLink(RecordKind.Assurance, statement.Id), new RecordLink(kind, id), $"{kind}:{reference}"));
            }
        }

        await db.SaveChangesAsync();
    }

    private static string Differences(IReadOnlyList<ChallengeFinding> expected, IReadOnlyList<ChallengeFinding> found) =>
        string.Join('\n', expected.Except(found, FindingComparer.Instance).Select(f => $"missing {Described(f)}")
            .Concat(found.Except(expected, FindingComparer.Instance).Select(f => $"found instead {Described(f)}")));

    private static string Described(ChallengeFinding f) => $"{f.Code} {f.Key}: {f.Finding} (about {string.Join(", ", f.Subjects)})";

    private sealed class FindingComparer : IEqualityComparer<ChallengeFinding>
    {
        public static FindingComparer Instance { get; } = new();

        public bool Equals(ChallengeFinding? x, ChallengeFinding? y) => x is not null && y is not null && ChallengeCalendar.Same([x], [y]);

        public int GetHashCode(ChallengeFinding obj) => HashCode.Combine(obj.Code, obj.Key);
    }
}
