using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;

namespace Verivius.Tests.Domain.Challenges;

/// <summary>A challenge's lifecycle: found again, cleared, returning, answered, accepted, escalated and closed.</summary>
public class ChallengeLifecycleTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 1);

    [Fact]
    public void FoundAgainUnchanged_ChangesNothing_NewWordingIsRecorded()
    {
        var challenge = Challenge.Raise(Guid.NewGuid(), Finding("was due on 1 October"), Day1);

        Assert.Null(challenge.Found(Finding("was due on 1 October"), Day1.AddDays(1)));
        Assert.Equal(ChallengeEventKind.Changed, challenge.Found(Finding("was due on 1 October", ChallengeSeverity.High), Day1.AddDays(2)));
        Assert.Equal(ChallengeSeverity.High, challenge.Severity);
        Assert.Equal([ChallengeEventKind.Raised, ChallengeEventKind.Changed], challenge.History.Select(e => e.Kind));
    }

    [Fact]
    public void ConditionCleared_ClosesIt_AndItsReturn_ReopensTheSameChallenge()
    {
        var challenge = Challenge.Raise(Guid.NewGuid(), Finding("late"), Day1);

        Assert.Equal(ChallengeEventKind.ConditionCleared, challenge.NotFound(Day1.AddDays(3)));
        Assert.Equal(ChallengeStatus.Closed, challenge.Status);
        Assert.Equal(Challenge.ConditionClearedReason, challenge.ClosedReason);
        Assert.Null(challenge.NotFound(Day1.AddDays(4)));

        Assert.Equal(ChallengeEventKind.Reopened, challenge.Found(Finding("late again"), Day1.AddDays(9)));
        Assert.Equal(ChallengeStatus.Open, challenge.Status);
        Assert.Equal(Day1, challenge.RaisedOn);
        Assert.Equal(Day1.AddDays(9), challenge.OpenedOn);
        Assert.Equal([ChallengeEventKind.Raised, ChallengeEventKind.ConditionCleared, ChallengeEventKind.Reopened], challenge.History.Select(e => e.Kind));
    }

    [Fact]
    public void AcceptedWhileTheConditionStillHolds_StaysAccepted_UntilTheConditionClearsAndReturns()
    {
        var challenge = Challenge.Raise(Guid.NewGuid(), Finding("late"), Day1);
        challenge.Respond("We have booked the audit", [new SubjectRef(RecordKind.Audits, "AUD-1")], Day1.AddDays(1));
        challenge.Accept(null, Day1.AddDays(2));

        Assert.Null(challenge.Found(Finding("late"), Day1.AddDays(3)));
        Assert.Equal(ChallengeStatus.Accepted, challenge.Status);

        challenge.NotFound(Day1.AddDays(4));
        Assert.Equal(ChallengeStatus.Accepted, challenge.Status);
        Assert.Equal(ChallengeEventKind.Reopened, challenge.Found(Finding("late"), Day1.AddDays(5)));
    }

    [Fact]
    public void Lifecycle_OpenAnsweredEscalatedClosed_KeepsEveryStep()
    {
        var challenge = Challenge.Raise(Guid.NewGuid(), Finding("late"), Day1);

        challenge.Respond("The rota is fixed", [new SubjectRef(RecordKind.Staffing, "2026-10-05")], Day1.AddDays(1));
        Assert.Equal(ChallengeStatus.Responded, challenge.Status);
        challenge.Escalate("Third month running", Day1.AddDays(2));
        Assert.Equal(ChallengeStatus.Escalated, challenge.Status);
        Assert.Equal(Day1.AddDays(2), challenge.EscalatedOn);
        challenge.CloseEscalated("The board agreed agency funding", Day1.AddDays(9));

        Assert.Equal(ChallengeStatus.Closed, challenge.Status);
        Assert.Equal("The board agreed agency funding", challenge.ClosedReason);
        Assert.Equal("Staffing:2026-10-05", challenge.History[1].Evidence);
        Assert.Equal([ChallengeEventKind.Raised, ChallengeEventKind.Responded, ChallengeEventKind.Escalated, ChallengeEventKind.Closed], challenge.History.Select(e => e.Kind));
    }

    [Fact]
    public void OutOfOrderSteps_AreRefusedInPlainWords()
    {
        var challenge = Challenge.Raise(Guid.NewGuid(), Finding("late"), Day1);

        Assert.Equal("Only a challenge the site has answered can be accepted.", Assert.Throws<DomainException>(() => challenge.Accept(null, Day1)).Message);
        Assert.Throws<DomainException>(() => challenge.CloseEscalated("done", Day1));
        Assert.Throws<DomainException>(() => challenge.Escalate(" ", Day1));
        Assert.Throws<DomainException>(() => challenge.Respond("", [], Day1));
        challenge.NotFound(Day1);
        Assert.Throws<DomainException>(() => challenge.Respond("Too late", [], Day1));
    }

    [Fact]
    public void AManualChallenge_IsNeverClearedByTheEngine()
    {
        var challenge = Challenge.RaiseManual(Guid.NewGuid(), new SubjectRef(RecordKind.Actions, "A-1"), ChallengeSeverity.High, "The closure evidence is a blank page", "Attach the real audit", Day1);

        Assert.Null(challenge.NotFound(Day1.AddDays(1)));
        Assert.Equal(ChallengeStatus.Open, challenge.Status);
        Assert.Equal(ChallengeCodes.Manual, challenge.Code);
    }

    [Fact]
    public void RolledUp_RecordsJoiningAndLeaving_AreHistory_NotNewChallenges_AndAnEmptyListClearsIt_AFullOneReopensIt()
    {
        var challenge = Challenge.Raise(Guid.NewGuid(), Overdue("A-1"), Day1);

        Assert.Equal(ChallengeEventKind.Changed, challenge.Found(Overdue("A-1", "A-2"), Day1.AddDays(1)));
        Assert.Equal(ChallengeEventKind.Changed, challenge.Found(Overdue("A-2"), Day1.AddDays(2)));
        Assert.Equal(ChallengeEventKind.ConditionCleared, challenge.NotFound(Day1.AddDays(3)));
        Assert.Equal(ChallengeEventKind.Reopened, challenge.Found(Overdue("A-3"), Day1.AddDays(4)));

        Assert.Equal(
            [
                "1 overdue: A-1.",
                "A-2 joined the list. 2 overdue: A-1, A-2.",
                "A-1 left it. 1 overdue: A-2.",
                "Closed: condition cleared.",
                "A-3 joined the list; A-2 left it. 1 overdue: A-3.",
            ],
            challenge.History.Select(e => e.Text));
        Assert.Equal(["A-3"], challenge.Records.Select(r => r.Ref));
        Assert.Equal(ChallengeStatus.Open, challenge.Status);
    }

    [Fact]
    public void RolledUp_ARecordJoiningAfterTheAnswer_IsMarkedWithItsDay_AndAfterAcceptance_ReopensIt()
    {
        var challenge = Challenge.Raise(Guid.NewGuid(), Overdue("A-1"), Day1);
        challenge.Respond("A-1 is re-planned for December", [], Day1.AddDays(1));
        challenge.Found(Overdue("A-1", "A-2"), Day1.AddDays(2));

        Assert.Equal(ChallengeStatus.Responded, challenge.Status);
        Assert.Equal([Day1, Day1.AddDays(2)], challenge.Records.OrderBy(r => r.Position).Select(r => r.JoinedOn!.Value));

        challenge.Accept(null, Day1.AddDays(3));
        Assert.Null(challenge.Found(Overdue("A-1", "A-2"), Day1.AddDays(4)));
        Assert.Equal(ChallengeEventKind.Reopened, challenge.Found(Overdue("A-1", "A-2", "A-3"), Day1.AddDays(5)));
        Assert.Equal(ChallengeStatus.Open, challenge.Status);
    }

    [Fact]
    public void OpenSince_IsWhenTheConditionFirstHeld_NeverAfterItWasOpened_AndLearnsAnEarlierDay()
    {
        var imported = Challenge.Raise(Guid.NewGuid(), Finding("late") with { Since = new DateOnly(2026, 3, 15) }, Day1);
        var undated = Challenge.Raise(Guid.NewGuid(), Finding("late"), Day1);
        var future = Challenge.Raise(Guid.NewGuid(), Finding("late") with { Since = Day1.AddDays(5) }, Day1);

        Assert.Equal(new DateOnly(2026, 3, 15), imported.OpenSince);
        Assert.Equal(Day1, undated.OpenSince);
        Assert.Equal(Day1, future.OpenSince);

        undated.Found(Finding("late") with { Since = new DateOnly(2026, 6, 1) }, Day1.AddDays(1));
        Assert.Equal(new DateOnly(2026, 6, 1), undated.OpenSince);
    }

    private static ChallengeFinding Overdue(params string[] refs) =>
        new(ChallengeCodes.ActOverdue, RolledUpFindings.SiteKey, ChallengeSeverity.Medium, [.. refs.Select(r => new SubjectRef(RecordKind.Actions, r))], $"{refs.Length} overdue: {string.Join(", ", refs)}.");

    private static ChallengeFinding Finding(string text, ChallengeSeverity severity = ChallengeSeverity.Medium) =>
        new(ChallengeCodes.ActOverdue, "Actions:A-1", severity, [new SubjectRef(RecordKind.Actions, "A-1")], text);
}
