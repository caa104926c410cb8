using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Oversight;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Features;

/// <summary>
/// Catalogue v2 raises one challenge per site and code for the volume rules. A register written under v1,
/// one challenge per record, is folded into that form on the first start after the upgrade, keeping every
/// answer, escalation and minute.
/// </summary>
public class ChallengeRollUpTests : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Raised = new(2026, 6, 1);
    private readonly PortalFactory _factory;

    public ChallengeRollUpTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task AV1Register_IsFoldedIntoOneChallengePerSiteAndCode_KeepingAnswersEscalationsAndMinutes()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var site = await db.Sites.SingleAsync(s => s.Code == world.SiteCodes[0]);

        // As v1 left them: one challenge per feedback record; one answered, one escalated with its minute, one accepted long ago.
        var open = V1(site.Id, "FB-1", Raised.AddDays(10), Raised.AddDays(-20));
        var answered = V1(site.Id, "FB-2", Raised, Raised.AddDays(-30));
        answered.Respond("We replied to the family in person", [new SubjectRef(RecordKind.Feedback, "FB-2")], Raised.AddDays(2));
        var escalated = V1(site.Id, "FB-3", Raised.AddDays(5), Raised.AddDays(5));
        escalated.Escalate("The same theme three months running", Raised.AddDays(6));
        var accepted = V1(site.Id, "FB-4", Raised, Raised);
        accepted.Respond("Done", [], Raised.AddDays(1));
        accepted.Accept(null, Raised.AddDays(2));
        db.Challenges.AddRange(open, answered, escalated, accepted);
        var minute = new OversightMinute(site.ProviderId, escalated.Id, site.Id, Raised.AddDays(6), "Escalated to the board");
        db.OversightMinutes.Add(minute);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var sites = await ChallengeRollUp.FoldAsync(db, Raised.AddDays(30), CancellationToken.None);

        db.ChangeTracker.Clear();
        Assert.Equal([site.Id], sites);
        var register = await db.Challenges.Include(c => c.History).Where(c => c.SiteId == site.Id).ToListAsync();
        Assert.Equal(2, register.Count);
        var folded = register.Single(c => c.Key == RolledUpFindings.SiteKey);
        Assert.Equal(answered.Id, folded.Id);
        Assert.Equal(ChallengeStatus.Escalated, folded.Status);
        Assert.Equal("The same theme three months running", folded.EscalationReason);
        Assert.Equal(Raised.AddDays(-30), folded.OpenSince);
        Assert.Equal(["FB-2", "FB-1", "FB-3"], folded.Records.OrderBy(r => r.Position).Select(r => r.Ref));
        Assert.Contains(folded.History, e => e.Kind == ChallengeEventKind.Responded && e.Text == "We replied to the family in person");
        Assert.Contains(folded.History, e => e.Kind == ChallengeEventKind.Escalated);
        Assert.Equal(3, folded.History.Count(e => e.Kind == ChallengeEventKind.Raised));
        Assert.Equal(folded.Id, (await db.OversightMinutes.SingleAsync(m => m.Id == minute.Id)).ChallengeId);

        // The accepted one is history as it was; a second start finds nothing left to fold.
        Assert.Equal(ChallengeStatus.Accepted, register.Single(c => c.Id == accepted.Id).Status);
        Assert.Empty(await ChallengeRollUp.FoldAsync(db, Raised.AddDays(31), CancellationToken.None));
    }

    private static Challenge V1(Guid siteId, string feedback, DateOnly raisedOn, DateOnly since) =>
        Challenge.Raise(
            siteId,
            new ChallengeFinding(ChallengeCodes.FbkNotActed, $"Feedback:{feedback}", ChallengeSeverity.Low, [new SubjectRef(RecordKind.Feedback, feedback)], $"Negative feedback {feedback} has no \"we did\" response.", since),
            raisedOn);
}
