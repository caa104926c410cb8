using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
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
        await TestWorlds.GenerateSitesAsync(factory, 2, 30, 13);
        await ClaimOnOldRecordsAsync(factory);
        await StalledSiteAsync(factory);
        await MissedCareSitesAsync(factory);
        await NamingAnotherSitesActionAsync(factory);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var sites = await db.Sites.Select(s => s.Id).ToListAsync();
        int everyRecord = 0, leftOut = 0, findings = 0, weeksLeftOut = 0;
        foreach (var asOf in new[] { TestClock.Today, TestClock.Today.AddMonths(7), TestClock.Today.AddMonths(14) })
        {
            var through = asOf.AddDays(ChallengeCalendar.DaysLookedAhead);
            var every = await SiteEvidenceLoader.LoadAsync(db, sites, asOf, CancellationToken.None, through);
            var settledLeftOut = await SiteEvidenceLoader.LoadAsync(db, sites, asOf, CancellationToken.None, through, settledUnder: ChallengeThresholds.Defaults);
            foreach (var site in sites)
            {
                everyRecord += Read(every[site]);
                leftOut += Read(every[site]) - Read(settledLeftOut[site]);
                weeksLeftOut += every[site].Staffing.Count - settledLeftOut[site].Staffing.Count;
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
        Assert.True(leftOut * 2 > everyRecord, $"{leftOut} of {everyRecord} incidents, complaints, feedback, audits, actions, meetings, decisions and staffing weeks were left out: less than half of them.");
        Assert.True(weeksLeftOut > 0, "No staffing week was left out.");
    }

    /// <summary>
    /// A judgement carries to the next the old records it still read (<see cref="OldRecordsRead"/>), so that the next need not
    /// test every old row again. When an old record a judgement left out as settled is changed so that it is no longer settled,
    /// or the provider's thresholds make it late, the next judgement must read it again, not trust the list.
    /// </summary>
    [Fact]
    public async Task AnOldRecordNoLongerSettled_IsReadAgain_WhenItOrTheThresholdsChange()
    {
        using var factory = new PortalFactory();
        factory.CreateClient().Dispose();
        await TestWorlds.GenerateSitesAsync(factory, 1, 30, 17);
        var twoYearsAgo = TestClock.Today.AddMonths(-24);
        Guid site;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("test");
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            site = await db.Sites.Select(s => s.Id).SingleAsync();
            db.Incidents.Add(new Incident(site, OldIncident("INC-OLD-QUIET", Severity.Low, twoYearsAgo)));
            db.Incidents.Add(new Incident(site, OldIncident("INC-OLD-NOTICE-DAY-2", Severity.Low, twoYearsAgo) with
            {
                CqcNotifiable = true,
                NotificationType = NotificationType.SeriousInjury,
                NotificationSentOn = twoYearsAgo.AddDays(ChallengeThresholds.Defaults.NotificationDays),
            }));
            await db.SaveChangesAsync();
        }

        List<Guid> sites = [site];
        await IncrementalChallengeTests.RunAsync(factory, runner => runner.RunWhereDueAsync(sites, TestClock.Today, CancellationToken.None));
        await IncrementalChallengeTests.RunAsync(factory, runner => runner.RunWhereDueAsync(sites, TestClock.Today.AddDays(1), CancellationToken.None));
        Assert.Empty(await ChallengesNamingAsync(factory, site, "INC-OLD-QUIET"));
        Assert.Empty(await ChallengesNamingAsync(factory, site, "INC-OLD-NOTICE-DAY-2"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var judgement = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().SiteJudgements.SingleAsync(j => j.SiteId == site);
            Assert.False(string.IsNullOrEmpty(judgement.OldRecordsRead), "The judgement carried no list of old records read: the test would not test it.");
        }

        await ChangeAsync(factory, async db =>
        {
            var quiet = await db.Incidents.SingleAsync(i => i.SiteId == site && i.Ref == "INC-OLD-QUIET");
            quiet.Record(quiet.Details with { CqcNotifiable = true, NotificationType = NotificationType.SeriousInjury }, quiet.ActionId);
        });
        await JudgedAgainAsync(TestClock.Today.AddDays(2));
        Assert.NotEmpty(await ChallengesNamingAsync(factory, site, "INC-OLD-QUIET"));

        await ChangeAsync(factory, async db =>
        {
            var providerId = await db.Sites.Where(s => s.Id == site).Select(s => s.ProviderId).SingleAsync();
            var settings = await db.ChallengeSettings.SingleOrDefaultAsync(s => s.ProviderId == providerId) ?? db.ChallengeSettings.Add(new ChallengeSettings(providerId)).Entity;
            settings.Change(settings.Thresholds with { NotificationDays = ChallengeThresholds.Defaults.NotificationDays - 1 });
        });
        await JudgedAgainAsync(TestClock.Today.AddDays(3));
        Assert.NotEmpty(await ChallengesNamingAsync(factory, site, "INC-OLD-NOTICE-DAY-2"));

        async Task JudgedAgainAsync(DateOnly day)
        {
            var night = await IncrementalChallengeTests.RunAsync(factory, runner => runner.RunWhereDueAsync(sites, day, CancellationToken.None));
            Assert.Equal(0, night.Standing);
            var full = await IncrementalChallengeTests.FullRunLeftUnsavedAsync(factory, sites, day);
            Assert.True(full.Raised + full.Changed + full.Reopened + full.Cleared == 0, $"On {day:yyyy-MM-dd}, a run reading every record would still change the register: {full}");
        }
    }

    private static async Task ChangeAsync(PortalFactory factory, Func<VeriviusDbContext, Task> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("test");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>The codes of the site's active challenges that name the record.</summary>
    private static async Task<List<string>> ChallengesNamingAsync(PortalFactory factory, Guid site, string reference)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var active = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Challenges
            .Where(c => c.SiteId == site && ChallengeStatuses.Active.Contains(c.Status)).ToListAsync();
        return [.. active.Where(c => c.SubjectRefs.Any(s => s.Ref == reference)).Select(c => c.Code)];
    }

    /// <summary>
    /// SQL Server cannot run here, so each filter's query is translated for it (EF's SQL Server provider, with no server) and
    /// parsed by Microsoft's T-SQL parser: a filter EF cannot translate for SQL Server fails here rather than in a provider's
    /// nightly run, and so does a list of ids sent one parameter per id, which a large batch would take past SQL Server's 2,100.
    /// </summary>
    [Fact]
    public void EachFilter_TranslatesForSqlServer_WithEachListOfIdsAsOneParameter()
    {
        using var db = new SqlServerVeriviusDbContext(new DbContextOptionsBuilder<SqlServerVeriviusDbContext>().UseSqlServer("Server=unused;Database=unused").Options);
        var site = Guid.NewGuid();
        var asOf = TestClock.Today;
        var cited = Enum.GetValues<RecordKind>().ToLookup(kind => kind, _ => Guid.NewGuid());
        var meeting = new GovernanceMeeting(site, new MeetingDetails("MTG-1", asOf, MeetingType.Governance, "Registered manager", null, null));
        var action = ClosedAction(site, "ACT-1", asOf, AssuranceArea.Governance, closureEvidence: null);
        var decision = new MeetingDecision(site, new DecisionDetails(meeting.Ref, "DEC-1", "Re-audit and report back", action.Ref, null, null));
        decision.Record(decision.Details, meeting, action.Id);
        var finding = new InspectionFinding(site, new FindingDetails("INSP-1", asOf, FindingKind.MustDo, null, "Referrals are not followed up", action.Ref));
        finding.Record(finding.Details, action.Id);
        var incident = new Incident(site, OldIncident("INC-1", Severity.Moderate, asOf));
        incident.Record(incident.Details, action.Id);
        var judgement = new SiteJudgement(site);
        judgement.Judged(asOf.AddDays(-1), 0, asOf, "context", $"Incidents:{incident.Id}");
        var carried = OldRecordsRead.CarriedTo([judgement], asOf, "context")!;
        var answered = new StaffingResponse(site, AnyOpen: false, LatestClosure: asOf.AddMonths(-14));

        foreach (var (filter, sql, lists) in new[]
        {
            ("incidents", db.Incidents.LeaveOutSettled(db, asOf, ChallengeThresholds.Defaults, cited).ToQueryString(), 1),
            ("the last oversight meeting before the year", db.Meetings.LastOversightBeforeTheYear(asOf).ToQueryString(), 0),
            ("meetings", db.Meetings.LeaveOutSettled(db, asOf, [asOf.AddMonths(-14)], cited).ToQueryString(), 1),
            ("decisions", db.Decisions.LeaveOutSettled(db, asOf, [meeting], cited).ToQueryString(), 2),
            ("the stalled sites' latest closures", db.Sites.StalledSince(db, asOf).ToQueryString(), 0),
            ("the sites' staffing actions", db.Sites.StaffingResponses(db, asOf).ToQueryString(), 0),
            ("actions", db.Actions.LeaveOutSettled(asOf, [asOf.AddMonths(-16)], [answered], [decision], [finding], [incident], cited).ToQueryString(), 2),
            ("staffing weeks", db.Staffing.LeaveOutSettled(asOf, [site], [answered], Array.Empty<DateOnly>().ToLookup(_ => site), cited).ToQueryString(), 1),
            ("complaints", db.Complaints.LeaveOutSettled(asOf, ChallengeThresholds.Defaults, cited).ToQueryString(), 1),
            ("feedback", db.Feedback.LeaveOutSettled(asOf, ChallengeThresholds.Defaults, cited).ToQueryString(), 1),
            ("incidents, narrowed to the recent and those read last time", carried.Narrow(db.Incidents).LeaveOutSettled(db, asOf, ChallengeThresholds.Defaults, cited).ToQueryString(), 4),
        })
        {
            var errors = TransactSql.Parse(sql);
            Assert.True(errors.Count == 0, $"The {filter} filter's SQL for SQL Server does not parse: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}\n{sql}");
            Assert.True(lists == CountOf(sql, "OPENJSON("), $"The {filter} filter should send its {lists} list(s) of ids as one JSON parameter each:\n{sql}");
        }
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    private static int Read(SiteEvidence site) =>
        site.Incidents.Count + site.Complaints.Count + site.Feedback.Count + site.Audits.Count + site.Actions.Count + site.Meetings.Count + site.Decisions.Count + site.Staffing.Count;

    /// <summary>
    /// A Green statement at each site citing only the oldest quiet incident, complaint, feedback, audit, action, staff meeting and
    /// decision: settled in every other way, each still counts as evidence the claim relies on, and the challenge to the claim
    /// names all seven. A yearly audit whose newest four are all more than a year old, a failed audit in the month of the newest
    /// pack, staffing rated Green though that month was the worst of four (at a site whose staffing action is open), an
    /// incident of moderate harm two years old without its action, old incidents whose notification or candour fell short
    /// (one with its action, closed long ago, one with an action raised from it that it does not name), last month's
    /// inspection finding answered by an action closed two years ago, old complaints and negative feedback answered late or
    /// not at all, old actions closed without an outcome or without evidence, an old oversight meeting without a decision,
    /// and old decisions without an owner, a review date or an action raised yet.
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
            var action = await db.Actions.Where(a => a.SiteId == site && a.Details.Source == ActionSource.Other && a.Details.Status == ActionStatus.Closed
                    && a.Details.Outcome != null && a.ClosureEvidenceId != null && a.Details.Area != AssuranceArea.Staffing)
                .OrderBy(a => a.Details.RaisedOn).FirstAsync();

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

            // Staffing said to be Green while the newest pack's month was the worst of four, at a site whose staffing action is
            // open: every month's missed care is answered, but the worsening rule compares that month with the three before it
            // for as long as it is the current period, so those weeks are read once they are more than a year old.
            var sunday = Enumerable.Range(0, 7).Select(newestPack.AddDays).First(d => d.DayOfWeek == DayOfWeek.Sunday);
            db.Staffing.Add(new StaffingWeek(site, new StaffingDetails(sunday, 140, 120, 900, 1120, 12, 6, null, null, null)));
            db.AssuranceStatements.Add(new AssuranceStatement(site, new AssuranceDetails(
                "AS-STAFF", AssuranceArea.Staffing, "We are safely staffed", RagRating.Green, Confidence.Qualified, null, null)));
            db.Actions.Add(OpenAction(site, "ACT-STAFF-OPEN", newestPack, AssuranceArea.Staffing));

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

            // Incidents two years old whose notification or duty of candour fell short stay challenges however old they are.
            var twoYearsAgo = TestClock.Today.AddMonths(-24);
            db.Incidents.Add(new Incident(site, OldIncident("INC-OLD-LATE-NOTICE", Severity.Severe, twoYearsAgo) with { CqcNotifiable = true, NotificationType = NotificationType.SeriousInjury, NotificationSentOn = twoYearsAgo.AddDays(5) }));
            db.Incidents.Add(new Incident(site, OldIncident("INC-OLD-UNASKED-NOTICE", Severity.Low, twoYearsAgo) with { NotificationSentOn = twoYearsAgo.AddDays(6) }));
            foreach (var (reference, candour) in new[]
            {
                ("INC-OLD-NO-APOLOGY", OldIncident("INC-OLD-NO-APOLOGY", Severity.Moderate, twoYearsAgo) with { CandourApplies = true, CandourInPersonOn = twoYearsAgo, ApologyGiven = false, CandourWrittenOn = twoYearsAgo.AddDays(3) }),
                ("INC-OLD-MET-LATER", OldIncident("INC-OLD-MET-LATER", Severity.Moderate, twoYearsAgo) with { CandourApplies = true, CandourInPersonOn = TestClock.Today.AddDays(5), ApologyGiven = true, CandourWrittenOn = twoYearsAgo.AddDays(3) }),
            })
            {
                var answered = db.Actions.Add(ClosedAction(site, $"ACT-{reference}", twoYearsAgo, AssuranceArea.Safeguarding, new RecordLink(RecordKind.Audits, oldest.Id))).Entity;
                var details = candour with { ActionRef = answered.Ref };
                db.Incidents.Add(new Incident(site, details)).Entity.Record(details, answered.Id);
            }

            // The written follow-up came late, and the incident's action closed long ago: the incident is still read, and so is its action.
            var lateCandour = db.Incidents.Add(new Incident(site, OldIncident("INC-OLD-LATE-CANDOUR", Severity.Moderate, twoYearsAgo) with { CandourApplies = true, CandourInPersonOn = twoYearsAgo, ApologyGiven = true, CandourWrittenOn = twoYearsAgo.AddDays(25) })).Entity;
            var lateCandourAction = db.Actions.Add(ClosedAction(site, "ACT-OLD-LATE-CANDOUR", twoYearsAgo, AssuranceArea.Safeguarding, new RecordLink(RecordKind.Audits, oldest.Id))).Entity;
            lateCandourAction.Record(lateCandourAction.Details, new RecordLink(RecordKind.Incidents, lateCandour.Id), lateCandourAction.ClosureEvidence);
            lateCandour.Record(lateCandour.Details, lateCandourAction.Id);

            // Last month's inspection found again what an action closed two years ago answered: the finding names that
            // action, so it is read however old it is.
            var answersFinding = db.Actions.Add(ClosedAction(site, "ACT-OLD-ANSWERS-FINDING", twoYearsAgo, AssuranceArea.Safeguarding, new RecordLink(RecordKind.Audits, oldest.Id))).Entity;
            var finding = new InspectionFinding(site, new FindingDetails(
                "INSP-LAST-MONTH", TestClock.Today.AddMonths(-1), FindingKind.ShouldDo, "Regulation 13", "Safeguarding referrals are not always followed up", answersFinding.Ref));
            finding.Record(finding.Details, answersFinding.Id);
            db.InspectionFindings.Add(finding);

            // Complaints and negative feedback two years old, answered late or not at all: still challenges.
            var thresholds = ChallengeThresholds.Defaults;
            db.Complaints.Add(new Complaint(site, OldComplaint("CMP-OLD-LATE-PLAN", twoYearsAgo) with { CarePlanUpdatedOn = twoYearsAgo.AddDays(10 + thresholds.CarePlanUpdateDays + 1) }));
            db.Complaints.Add(new Complaint(site, OldComplaint("CMP-OLD-NO-PLAN", twoYearsAgo)));
            db.Feedback.Add(new FeedbackItem(site, OldNegativeFeedback("FBK-OLD-LATE", twoYearsAgo) with { WeDid = "Changed the menu", WeDidOn = twoYearsAgo.AddDays(thresholds.FeedbackResponseDays + 1) }));
            db.Feedback.Add(new FeedbackItem(site, OldNegativeFeedback("FBK-OLD-UNANSWERED", twoYearsAgo)));

            // An old incident read for its late notification, whose action was raised from it but is not named by it: the
            // action is read too, or the incident would seem to have none.
            var lateNotice = db.Incidents.Add(new Incident(site, OldIncident("INC-OLD-LATE-NOTICE-SOURCED", Severity.Moderate, twoYearsAgo) with
            {
                CqcNotifiable = true,
                NotificationType = NotificationType.SeriousInjury,
                NotificationSentOn = twoYearsAgo.AddDays(9),
            })).Entity;
            var raisedFromIt = db.Actions.Add(ClosedAction(site, "ACT-OLD-FROM-INCIDENT", twoYearsAgo, AssuranceArea.Safeguarding, new RecordLink(RecordKind.Audits, oldest.Id))).Entity;
            raisedFromIt.Record(raisedFromIt.Details, new RecordLink(RecordKind.Incidents, lateNotice.Id), raisedFromIt.ClosureEvidence);

            // Actions closed long ago with only half of what a closure needs.
            db.Actions.Add(ClosedAction(site, "ACT-OLD-NO-EVIDENCE", twoYearsAgo, AssuranceArea.Governance, closureEvidence: null));
            var noOutcome = db.Actions.Add(ClosedAction(site, "ACT-OLD-NO-OUTCOME", twoYearsAgo, AssuranceArea.Governance, new RecordLink(RecordKind.Audits, oldest.Id))).Entity;
            noOutcome.Record(noOutcome.Details with { Outcome = null }, null, noOutcome.ClosureEvidence);

            // An oversight meeting two years ago that recorded no decision, and decisions whose owner, review date or action is missing or yet to come.
            var undecided = db.Meetings.Add(new GovernanceMeeting(site, new MeetingDetails("MTG-OLD-UNDECIDED", twoYearsAgo, MeetingType.Quality, "Registered manager", null, null))).Entity;
            undecided.Record(undecided.Details, null);
            var decided = db.Meetings.Add(new GovernanceMeeting(site, new MeetingDetails("MTG-OLD-DECIDED", twoYearsAgo.AddDays(1), MeetingType.Governance, "Registered manager", null, null))).Entity;
            decided.Record(decided.Details, null);
            var unowned = db.Actions.Add(ClosedAction(site, "ACT-OLD-UNOWNED", twoYearsAgo.AddDays(1), AssuranceArea.Governance, new RecordLink(RecordKind.Audits, oldest.Id))).Entity;
            unowned.Record(unowned.Details with { Owner = null }, null, unowned.ClosureEvidence);
            var undated = db.Actions.Add(ClosedAction(site, "ACT-OLD-UNDATED", twoYearsAgo.AddDays(1), AssuranceArea.Governance, new RecordLink(RecordKind.Audits, oldest.Id))).Entity;
            undated.Record(undated.Details with { DueOn = null }, null, undated.ClosureEvidence);
            var ahead = db.Actions.Add(ClosedAction(site, "ACT-RAISED-AHEAD", TestClock.Today.AddDays(3), AssuranceArea.Governance, new RecordLink(RecordKind.Audits, oldest.Id))).Entity;
            foreach (var (reference, owner, carriedOutBy) in new[] { ("DEC-OLD-OWNED-BY-ACTION", (string?)null, action), ("DEC-OLD-UNOWNED", null, unowned), ("DEC-OLD-UNDATED", "Deputy manager", undated), ("DEC-OLD-ACTION-AHEAD", "Deputy manager", ahead) })
            {
                var decision = new MeetingDecision(site, new DecisionDetails(decided.Ref, reference, "Re-audit and report back", carriedOutBy.Ref, owner, null));
                decision.Record(decision.Details, decided, carriedOutBy.Id);
                db.Decisions.Add(decision);
            }

            var staffMeeting = await db.Meetings.Where(m => m.SiteId == site && m.Details.Type == MeetingType.Staff).OrderBy(m => m.Details.HeldOn).FirstAsync();
            var completeDecision = await db.Decisions.Where(d => d.SiteId == site && d.ActionId != null && d.Details.Owner != null && d.Details.ReviewOn != null).OrderBy(d => d.MadeOn).FirstAsync();
            foreach (var (kind, id, reference) in new[]
            {
                (RecordKind.Incidents, incident.Id, incident.Ref), (RecordKind.Complaints, complaint.Id, complaint.Ref), (RecordKind.Feedback, feedback.Id, feedback.Ref),
                (RecordKind.Audits, oldest.Id, oldest.Ref), (RecordKind.Actions, action.Id, action.Ref), (RecordKind.Meetings, staffMeeting.Id, staffMeeting.Ref),
                (RecordKind.Decisions, completeDecision.Id, completeDecision.Ref),
            })
            {
                db.EvidenceLinks.Add(new EvidenceLink(site, new RecordLink(RecordKind.Assurance, statement.Id), new RecordLink(kind, id), $"{kind}:{reference}"));
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// An old incident of moderate harm and an old decision at one site, each naming a complete action of the other site: the
    /// rules look for a site's actions among its own, so both are still challenges, and neither may be left out as settled.
    /// </summary>
    private static async Task NamingAnotherSitesActionAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("test");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var (site, other) = await db.Sites.Where(s => db.Audits.Any(a => a.SiteId == s.Id)).OrderBy(s => s.Code).Select(s => s.Id).Take(2).ToListAsync() is [var first, var second] ? (first, second) : throw new InvalidOperationException("Two sites with audits are needed.");
        var twoYearsAgo = TestClock.Today.AddMonths(-24);
        var evidence = await db.Audits.Where(a => a.SiteId == other).OrderBy(a => a.Details.HeldOn).FirstAsync();
        var elsewhere = db.Actions.Add(ClosedAction(other, "ACT-OLD-ELSEWHERE", twoYearsAgo, AssuranceArea.Safeguarding, new RecordLink(RecordKind.Audits, evidence.Id))).Entity;
        var incident = OldIncident("INC-OLD-ACTION-ELSEWHERE", Severity.Moderate, twoYearsAgo) with { ActionRef = elsewhere.Ref };
        db.Incidents.Add(new Incident(site, incident)).Entity.Record(incident, elsewhere.Id);
        var meeting = db.Meetings.Add(new GovernanceMeeting(site, new MeetingDetails("MTG-OLD-ELSEWHERE", twoYearsAgo, MeetingType.Governance, "Registered manager", null, null))).Entity;
        meeting.Record(meeting.Details, null);
        var decision = new MeetingDecision(site, new DecisionDetails(meeting.Ref, "DEC-OLD-ACTION-ELSEWHERE", "Re-audit and report back", elsewhere.Ref, "Deputy manager", twoYearsAgo.AddDays(30)));
        decision.Record(decision.Details, meeting, elsewhere.Id);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A site whose actions stalled more than a year ago: sixteen open (one of them reopened), and the last closures over a
    /// year old, which the stalled-actions challenge dates by the latest of them. A month of missed care twenty-one months ago
    /// was answered by a staffing action closed the month after, so it is no challenge, as long as that action is read. Its
    /// oversight meetings lapsed across the start of the year the meeting-gap rule looks back over.
    /// </summary>
    private static async Task StalledSiteAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("test");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var provider = await db.Sites.Select(s => s.ProviderId).FirstAsync();
        var site = db.Sites.Add(new Site(provider, "1-101999999", "Old Farm House", ServiceType.CareHome, TestClock.Today.AddMonths(-36))).Entity.Id;
        var evidence = db.Meetings.Add(new GovernanceMeeting(site, new MeetingDetails("MTG-STAFF", TestClock.Today.AddMonths(-30), MeetingType.Staff, "Registered manager", null, null))).Entity;
        for (var a = 0; a < 12; a++)
        {
            db.Actions.Add(OpenAction(site, $"ACT-OPEN-{a:00}", TestClock.Today.AddMonths(-15)));
        }

        foreach (var monthsAgo in new[] { 16, 17, 18 })
        {
            db.Actions.Add(ClosedAction(site, $"ACT-CLOSED-{monthsAgo}", TestClock.Today.AddMonths(-monthsAgo - 1), AssuranceArea.Governance, new RecordLink(RecordKind.Meetings, evidence.Id)));
        }

        // Reopened: open again, though it still carries the day it was first closed.
        var reopened = db.Actions.Add(ClosedAction(site, "ACT-REOPENED", TestClock.Today.AddMonths(-20), AssuranceArea.Governance, new RecordLink(RecordKind.Meetings, evidence.Id))).Entity;
        reopened.Record(reopened.Details with { Status = ActionStatus.Open }, null, reopened.ClosureEvidence);

        var month = PressuredMonth(db, site, TestClock.Today.AddMonths(-21));
        db.Actions.Add(ClosedAction(site, "ACT-STAFFING", month.AddDays(-30), AssuranceArea.Staffing, new RecordLink(RecordKind.Meetings, evidence.Id)));

        // Oversight meetings twenty and fourteen months ago, then ten: the gap into the year looked back over is measured from the second.
        foreach (var monthsAgo in new[] { 20, 14, 10 })
        {
            var meeting = db.Meetings.Add(new GovernanceMeeting(site, new MeetingDetails($"MTG-GOV-{monthsAgo}", TestClock.Today.AddMonths(-monthsAgo), MeetingType.Governance, "Registered manager", null, null))).Entity;
            meeting.Record(meeting.Details, null);
            var carriedOutBy = db.Actions.Add(OpenAction(site, $"ACT-GOV-{monthsAgo}", meeting.Details.HeldOn)).Entity;
            var decision = new MeetingDecision(site, new DecisionDetails(meeting.Ref, $"DEC-GOV-{monthsAgo}", "Re-audit and report back", carriedOutBy.Ref, "Deputy manager", meeting.Details.HeldOn.AddDays(28)));
            decision.Record(decision.Details, meeting, carriedOutBy.Id);
            db.Decisions.Add(decision);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Two sites with a month of missed care twenty months ago, answered by a staffing action closed in that month. At the first,
    /// care was missed again sixteen months ago and no staffing action has been closed since: that month is a challenge
    /// however old, so the site's weeks are all read. At the second, a staffing action closed two months ago answers every
    /// month before it: its old weeks, and its older staffing action, are left out.
    /// </summary>
    private static async Task MissedCareSitesAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("test");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var provider = await db.Sites.Select(s => s.ProviderId).FirstAsync();
        var evidence = await db.Meetings.OrderBy(m => m.Details.HeldOn).FirstAsync();
        foreach (var (code, name, pressuredAgain) in new[] { ("1-101999998", "Mill Lane", true), ("1-101999997", "Orchard View", false) })
        {
            var site = db.Sites.Add(new Site(provider, code, name, ServiceType.CareHome, TestClock.Today.AddMonths(-36))).Entity.Id;
            var answered = PressuredMonth(db, site, TestClock.Today.AddMonths(-20));
            db.Actions.Add(ClosedAction(site, "ACT-STAFFING-OLD", answered.AddDays(-40), AssuranceArea.Staffing, new RecordLink(RecordKind.Meetings, evidence.Id)));
            if (pressuredAgain)
            {
                PressuredMonth(db, site, TestClock.Today.AddMonths(-16));
            }
            else
            {
                db.Actions.Add(ClosedAction(site, "ACT-STAFFING-NEW", TestClock.Today.AddMonths(-2).AddDays(-50), AssuranceArea.Staffing, new RecordLink(RecordKind.Meetings, evidence.Id)));
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Four weeks of the month of the day given, each with a seventh of its shifts unfilled and care missed; returns the month.</summary>
    private static DateOnly PressuredMonth(VeriviusDbContext db, Guid site, DateOnly day)
    {
        var month = new DateOnly(day.Year, day.Month, 1);
        for (var week = 0; week < 4; week++)
        {
            db.Staffing.Add(new StaffingWeek(site, new StaffingDetails(month.AddDays(7 * week), 140, 20, 0, 1120, 3, 1, null, null, null)));
        }

        return month;
    }

    private static ComplaintDetails OldComplaint(string reference, DateOnly receivedOn) => new(
        reference, receivedOn, "Meals", RespondedOn: receivedOn.AddDays(10), ComplaintOutcome.Upheld, "Offer a choice at every meal", CarePlanUpdateRequired: true, CarePlanUpdatedOn: null, ActionRef: null);

    private static FeedbackDetails OldNegativeFeedback(string reference, DateOnly receivedOn) => new(
        reference, receivedOn, FeedbackSource.Family, Sentiment.Negative, "Meals", "The food is cold", WeDid: null, WeDidOn: null);

    private static IncidentDetails OldIncident(string reference, Severity severity, DateOnly occurredOn) => new(
        reference, occurredOn, IncidentCategory.Fall, severity, CqcNotifiable: false, NotificationType: null, NotificationSentOn: null,
        CandourApplies: false, CandourInPersonOn: null, ApologyGiven: null, CandourWrittenOn: null, ActionRef: null, IncidentStatus.Closed, ClosedOn: null);

    private static ImprovementAction OpenAction(Guid site, string reference, DateOnly raisedOn, AssuranceArea area = AssuranceArea.Governance) => new(site, new ActionDetails(
        reference, "Review and re-audit", ActionSource.Other, null, "Deputy manager", raisedOn, raisedOn.AddDays(28), ActionStatus.Open, null, null, null, area));

    /// <summary>An action raised on the day given and closed fifty days later, with an outcome, and with the closure evidence given.</summary>
    private static ImprovementAction ClosedAction(Guid site, string reference, DateOnly raisedOn, AssuranceArea area, RecordLink? closureEvidence)
    {
        var details = new ActionDetails(
            reference, "Review and re-audit", ActionSource.Other, null, "Deputy manager", raisedOn, raisedOn.AddDays(28), ActionStatus.Closed, raisedOn.AddDays(50), "Done and re-audited", null, area);
        var action = new ImprovementAction(site, details);
        action.Record(details, null, closureEvidence);
        return action;
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
