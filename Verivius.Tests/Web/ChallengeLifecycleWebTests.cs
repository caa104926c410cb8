using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>
/// A challenge followed through in the portal: the site answers with evidence, the nominated
/// individual accepts or escalates, and every decision lands, dated, in the next oversight meeting's minutes.
/// </summary>
[Trait("Category", TestClock.DateSensitive)]
public class ChallengeLifecycleWebTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public ChallengeLifecycleWebTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task TheSiteAnswers_AManagerCannotAccept_TheNiAccepts_AndTheDecisionIsInTheNextMeetingsMinutes()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        var challenge = await ChallengeAsync(site, ChallengeCodes.ActOverdue);
        var page = $"/sites/{site}/challenges/{challenge.Id}";
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var meetingDay = TestClock.Today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var scheduled = await ni.SubmitAsync("/oversight", "/oversight", new() { ["heldOn"] = meetingDay, ["title"] = "December oversight" });

        using var unknownEvidence = await manager.SubmitAsync(page, page + "/respond", new() { ["answer"] = "Done: the plans were refreshed", ["evidenceRefs"] = "Audits:AUD-404" });
        using var answered = await manager.SubmitAsync(page, page + "/respond", new() { ["answer"] = "The plans were refreshed; see the audit", ["evidenceRefs"] = "Audits:AUD-1" });
        using var managerAccepts = await manager.PostAsync(page + "/accept", [KeyValuePair.Create("__RequestVerificationToken", await manager.TokenFromAsync(page))]);
        using var accepted = await ni.SubmitAsync(page, page + "/accept", new() { ["note"] = "Evidence seen at the visit" });
        var (_, shown) = await ni.GetAsync(page);
        var (_, minutes) = await ni.GetAsync(scheduled.Headers.Location!.ToString());

        var refused = await unknownEvidence.Content.ReadAsStringAsync();
        Assert.Contains("&quot;Audits:AUD-404&quot; names no record or attachment of this site.", refused, StringComparison.Ordinal);
        Assert.Contains(">Done: the plans were refreshed</textarea>", refused, StringComparison.Ordinal);
        Assert.Contains("value=\"Audits:AUD-404\"", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, managerAccepts.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(ChallengeStatus.Accepted, (await ChallengeAsync(site, ChallengeCodes.ActOverdue)).Status);
        Assert.Contains($"href=\"/sites/{site}/records/audits/AUD-1\"", shown, StringComparison.Ordinal);
        Assert.Contains("Accepted ACT-OVERDUE: Evidence seen at the visit", minutes, StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}\"", minutes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNi_CannotAcceptTheirOwnAnswer_AndAnEscalationIsFlaggedThenClosed_EachDecisionWaitingForAMeetingUntilOneIsSet()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        var challenge = await ChallengeAsync(site, ChallengeCodes.ActOverdue);
        var page = $"/sites/{site}/challenges/{challenge.Id}";
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);

        using var answered = await ni.SubmitAsync(page, page + "/respond", new() { ["answer"] = "I chased it myself" });
        using var ownAccept = await ni.SubmitAsync(page, page + "/accept", []);
        using var noReason = await ni.SubmitAsync(page, page + "/escalate", new() { ["note"] = " " });
        using var escalated = await ni.SubmitAsync(page, page + "/escalate", new() { ["note"] = "Third month overdue: the board should see it" });
        var (_, register) = await ni.GetAsync($"/sites/{site}/challenges?status=Escalated");
        using var closed = await ni.SubmitAsync(page, page + "/close", new() { ["note"] = "The board agreed a new owner" });
        var (_, waiting) = await ni.GetAsync("/oversight");
        var meetingDay = TestClock.Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var scheduled = await ni.SubmitAsync("/oversight", "/oversight", new() { ["heldOn"] = meetingDay });
        var (_, minutes) = await ni.GetAsync(scheduled.Headers.Location!.ToString());

        Assert.Contains("You wrote the answer to this challenge; someone else must accept it.", await ownAccept.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Write the reason for escalating.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, escalated.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(challenge.Finding), register, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("Escalated ACT-OVERDUE: Third month overdue", waiting, StringComparison.Ordinal);
        Assert.Contains("Escalated ACT-OVERDUE: Third month overdue", minutes, StringComparison.Ordinal);
        Assert.Contains("Closed ACT-OVERDUE: The board agreed a new owner", minutes, StringComparison.Ordinal);
        var final = await ChallengeAsync(site, ChallengeCodes.ActOverdue);
        Assert.Equal(ChallengeStatus.Closed, final.Status);
        Assert.NotNull(final.EscalatedOn);
    }

    [Fact]
    public async Task TheNi_RaisesAManualChallengeOnARecord_AndAManagerMayNot()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var form = $"/sites/{site}/challenges/new?subject=Audits:AUD-1";

        var (_, record) = await ni.GetAsync($"/sites/{site}/records/audits/AUD-1");
        using var empty = await ni.SubmitAsync(form, $"/sites/{site}/challenges/new", new() { ["Subject"] = "Audits:AUD-1", ["Severity"] = "Medium" });
        using var raised = await ni.SubmitAsync(form, $"/sites/{site}/challenges/new", new()
        {
            ["Subject"] = "Audits:AUD-1",
            ["Severity"] = "High",
            ["Finding"] = "An 88% audit with risk assessments unsigned is not a pass",
            ["Resolution"] = "Re-audit with every assessment signed",
        });
        var (_, shown) = await ni.GetAsync(raised.Headers.Location!.ToString());
        var (managerStatus, _) = await manager.GetAsync(form);

        Assert.Contains($"/sites/{site}/challenges/new?subject=Audits%3AAUD-1", record, StringComparison.Ordinal);
        Assert.Contains("Say in one sentence what does not stand up.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("An 88% audit with risk assessments unsigned is not a pass", shown, StringComparison.Ordinal);
        Assert.Contains($"href=\"/sites/{site}/records/audits/AUD-1\"", shown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, managerStatus);
        Assert.Equal(ChallengeSeverity.High, (await ChallengeAsync(site, ChallengeCodes.Manual)).Severity);
    }

    [Fact]
    public async Task ARecordJoiningAnAnsweredRollUp_IsMarkedNewSinceTheAnswer_AndThePageSaysSinceWhenItHeld()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        var challenge = await ChallengeAsync(site, ChallengeCodes.ActOverdue);
        var page = $"/sites/{site}/challenges/{challenge.Id}";
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var answered = await manager.SubmitAsync(page, page + "/respond", new() { ["answer"] = "ACT-1 is re-planned for next week" });

        // The engine, a day after the answer, finds a second overdue action.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var held = await db.Challenges.SingleAsync(c => c.Id == challenge.Id);
            held.Found(
                new ChallengeFinding(ChallengeCodes.ActOverdue, RolledUpFindings.SiteKey, held.Severity, [.. held.SubjectRefs, new SubjectRef(RecordKind.Actions, "ACT-LATE")], "2 open actions are overdue.", held.OpenSince),
                TestClock.Today.AddDays(1));
            await db.SaveChangesAsync();
        }

        var (_, shown) = await manager.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(1, (shown.Length - shown.Replace("new since the answer", "", StringComparison.Ordinal).Length) / "new since the answer".Length);
        Assert.Matches("Action ACT-LATE</a> *<span class=\"badge[^\"]*\">new since the answer</span>", shown);
        Assert.Contains($"{challenge.OpenSince.ToBritishDate()} <span class=\"text-muted\">(when the condition first held; {TestClock.Today.DayNumber - challenge.OpenSince.DayNumber} days ago)", shown, StringComparison.Ordinal);
        Assert.Contains("ACT-LATE joined the list. 2 open actions are overdue.", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralChallenges_TakeOneAnswer_AllOrNone_AndARefusalKeepsWhatWasTypedAndTicked()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        var open = await ChallengesAsync(site);
        Assert.True(open.Count >= 3, $"the test pack raises {open.Count} challenges; three are needed");
        var (first, second, settled) = (open[0], open[1], open[2]);
        var register = $"/sites/{site}/challenges";
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var settledPage = $"{register}/{settled.Id}";
        using var escalated = await ni.SubmitAsync(settledPage, settledPage + "/escalate", new() { ["note"] = "For the board" });
        using var closed = await ni.SubmitAsync(settledPage, settledPage + "/close", new() { ["note"] = "The board agreed a plan" });

        using var withASettledOne = await manager.PostAsync(register, Fields(await manager.TokenFromAsync(register), "Reviewed every overdue action with the team", first, settled));
        using var noneTicked = await manager.PostAsync(register, Fields(await manager.TokenFromAsync(register), "Reviewed every overdue action with the team"));
        var untouched = await ChallengesAsync(site);
        using var answered = await manager.PostAsync(register + "?severity=", Fields(await manager.TokenFromAsync(register), "Reviewed every overdue action with the team", first, second));
        var after = await ChallengesAsync(site, includeHistory: true);

        var refused = await withASettledOne.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, withASettledOne.StatusCode);
        Assert.Contains($"is {PlainWords.InSentence(ChallengeStatus.Closed)} already; only an open, answered or escalated challenge takes an answer.", refused, StringComparison.Ordinal);
        Assert.Contains(">Reviewed every overdue action with the team</textarea>", refused, StringComparison.Ordinal);
        Assert.Contains($"value=\"{first.Id}\" id=\"answer-{first.Id}\" checked=\"checked\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{second.Id}\" id=\"answer-{second.Id}\" checked", refused, StringComparison.Ordinal);
        Assert.Contains("Choose the challenges this answer is for.", await noneTicked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ChallengeStatus.Open, untouched.Single(c => c.Id == first.Id).Status);

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(register + "?severity=", answered.Headers.Location!.OriginalString);
        foreach (var challenge in after.Where(c => c.Id == first.Id || c.Id == second.Id))
        {
            Assert.Equal(ChallengeStatus.Responded, challenge.Status);
            var answer = challenge.History.Single(e => e.Kind == ChallengeEventKind.Responded);
            Assert.Equal(("Reviewed every overdue action with the team", world.RegisteredManager), (answer.Text, answer.CreatedBy));
            Assert.Equal([new SubjectRef(RecordKind.Audits, "AUD-1")], answer.EvidenceRefs);
        }

        Assert.DoesNotContain(after.Single(c => c.Id == settled.Id).History, e => e.Kind == ChallengeEventKind.Responded);
    }

    private static List<KeyValuePair<string, string>> Fields(string token, string answer, params Challenge[] ticked) =>
    [
        KeyValuePair.Create("__RequestVerificationToken", token),
        KeyValuePair.Create("answer", answer),
        KeyValuePair.Create("evidenceRefs", "audits:aud-1"),
        .. ticked.Select(c => KeyValuePair.Create("challengeIds", c.Id.ToString())),
    ];

    private async Task<List<Challenge>> ChallengesAsync(string siteCode, bool includeHistory = false)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var siteId = await db.Sites.Where(s => s.Code == siteCode).Select(s => s.Id).SingleAsync();
        IQueryable<Challenge> challenges = includeHistory ? db.Challenges.Include(c => c.History) : db.Challenges;
        return await challenges.AsNoTracking().Where(c => c.SiteId == siteId).OrderBy(c => c.Code).ThenBy(c => c.Key).ToListAsync();
    }

    private async Task<Challenge> ChallengeAsync(string siteCode, string code)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var siteId = await db.Sites.Where(s => s.Code == siteCode).Select(s => s.Id).SingleAsync();
        return await db.Challenges.AsNoTracking().SingleAsync(c => c.SiteId == siteId && c.Code == code);
    }
}
