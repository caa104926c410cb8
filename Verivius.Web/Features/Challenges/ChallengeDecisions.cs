using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Mail;
using Verivius.Domain.Oversight;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Mail;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Challenges;

/// <summary>
/// The site answers one or several of its challenges with one text: what it has done, and the records or
/// attachments that show it. Every chosen challenge is answered, or none is. The value is how many.
/// </summary>
public sealed record RespondToChallengesCommand(string SiteCode, IReadOnlyList<Guid> ChallengeIds, string? Answer, string? EvidenceRefs) : ICommand<Outcome<int>>;

/// <summary>The nominated individual's decision on a challenge: accept the answer, escalate, or close an escalated one.</summary>
public sealed record DecideChallengeCommand(string SiteCode, Guid ChallengeId, ChallengeDecision Decision, string? Note) : ICommand<Outcome>;

/// <summary>The nominated individual raises a challenge by hand on one record of a site.</summary>
public sealed record RaiseChallengeCommand(string SiteCode, string Subject, string? Severity, string? Finding, string? Resolution) : ICommand<Outcome<Guid>>;

public enum ChallengeDecision
{
    Accept,
    Escalate,
    Close,
}

internal sealed class ChallengeDecisions :
    ICommandHandler<RespondToChallengesCommand, Outcome<int>>,
    ICommandHandler<DecideChallengeCommand, Outcome>,
    ICommandHandler<RaiseChallengeCommand, Outcome<Guid>>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly CurrentActor _actor;
    private readonly ChallengeRunner _runner;
    private readonly MailComposer _mail;

    public ChallengeDecisions(VeriviusDbContext db, SiteAccess access, CurrentActor actor, ChallengeRunner runner, MailComposer mail)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _runner = runner;
        _mail = mail;
    }

    /// <summary>Why this person may not accept the challenge's answer now, or null if they may.</summary>
    public static string? CannotAcceptBecause(Challenge challenge, string actor)
    {
        if (challenge.Status != ChallengeStatus.Responded)
        {
            return "Only a challenge the site has answered can be accepted.";
        }

        var answeredBy = challenge.History.Where(e => e.Kind == ChallengeEventKind.Responded).OrderBy(e => e.CreatedAt).LastOrDefault()?.CreatedBy;
        return string.Equals(answeredBy, actor, StringComparison.OrdinalIgnoreCase)
            ? "You wrote the answer to this challenge; someone else must accept it."
            : null;
    }

    public async ValueTask<Outcome<int>> Handle(RespondToChallengesCommand command, CancellationToken cancellationToken)
    {
        // A commissioner learns nothing of the challenges (not found) before being refused the answer.
        await _access.ChallengeSiteAsync(command.SiteCode, cancellationToken);
        var site = await _access.ChangeableSiteAsync(command.SiteCode, cancellationToken);
        var ids = command.ChallengeIds.Distinct().ToList();
        var challenges = await _db.Challenges.Include(c => c.History).Where(c => c.SiteId == site.SiteId && ids.Contains(c.Id)).ToListAsync(cancellationToken);
        if (challenges.Count < ids.Count)
        {
            throw new NotFoundException("No such challenge at this site.");
        }

        var problems = new List<FieldProblem>();
        if (ids.Count == 0)
        {
            problems.Add(new FieldProblem("ChallengeIds", "Choose the challenges this answer is for."));
        }

        problems.AddRange(challenges.Where(c => !c.Status.IsActive()).Select(settled => new FieldProblem(
            "ChallengeIds", $"“{ChallengeCatalogue.Of(settled.Code).Title}” is {PlainWords.InSentence(settled.Status)} already; only an open, answered or escalated challenge takes an answer.")));
        var index = await RecordIndex.LoadAsync(_db, site.SiteId, [], cancellationToken);
        var cited = FormValues.CitedRecords(index, command.EvidenceRefs, "EvidenceRefs", problems);
        if (string.IsNullOrWhiteSpace(command.Answer))
        {
            problems.Add(new FieldProblem("Answer", "Write what the site has done about this challenge."));
        }
        else if (command.Answer.Trim().Length > Challenge.MaxTextLength)
        {
            problems.Add(new FieldProblem("Answer", $"Keep the answer to {Challenge.MaxTextLength:N0} characters."));
        }

        if (problems.Count > 0)
        {
            return Outcome<int>.Refused(problems);
        }

        // Every check that could refuse one challenge has run, so none is answered unless all are.
        SubjectRef[] evidence = [.. cited.Select(c => new SubjectRef(c.Reference.Kind, c.Reference.Ref))];
        foreach (var challenge in challenges)
        {
            challenge.Respond(command.Answer!, evidence, _runner.Today);
        }

        await TellDecidersAsync(site, challenges, cancellationToken);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Of(challenges.Count);
    }

    public async ValueTask<Outcome> Handle(DecideChallengeCommand command, CancellationToken cancellationToken)
    {
        var site = await DecidableSiteAsync(command.SiteCode, cancellationToken);
        var challenge = await LoadAsync(site.SiteId, command.ChallengeId, cancellationToken);
        var today = _runner.Today;
        switch (command.Decision)
        {
            case ChallengeDecision.Accept:
                if (CannotAcceptBecause(challenge, _actor.ActorName) is { } reason)
                {
                    return Outcome.Refused("Note", reason);
                }

                return await ApplyAsync(() => challenge.Accept(command.Note, today), "Note", cancellationToken, site, challenge, "Accepted");
            case ChallengeDecision.Escalate:
                return await ApplyAsync(() => challenge.Escalate(command.Note ?? "", today), "Note", cancellationToken, site, challenge, "Escalated", () => TellOfEscalationAsync(site, challenge, cancellationToken));
            default:
                return await ApplyAsync(() => challenge.CloseEscalated(command.Note ?? "", today), "Note", cancellationToken, site, challenge, "Closed");
        }
    }

    public async ValueTask<Outcome<Guid>> Handle(RaiseChallengeCommand command, CancellationToken cancellationToken)
    {
        var site = await DecidableSiteAsync(command.SiteCode, cancellationToken);
        var problems = new List<FieldProblem>();
        var severity = FormValues.Choice<ChallengeSeverity>(command.Severity, "Severity", problems);
        var subject = SubjectRef.Parse(command.Subject ?? "");
        var index = await RecordIndex.LoadAsync(_db, site.SiteId, [], cancellationToken);
        if (subject is not { } record || index.Find(record.Kind, record.Ref) is null)
        {
            throw new NotFoundException($"No record {command.Subject} at this site.");
        }

        if (string.IsNullOrWhiteSpace(command.Finding))
        {
            problems.Add(new FieldProblem("Finding", "Say in one sentence what does not stand up."));
        }

        if (string.IsNullOrWhiteSpace(command.Resolution))
        {
            problems.Add(new FieldProblem("Resolution", "Say what would resolve it."));
        }

        if (problems.Count > 0)
        {
            return Outcome<Guid>.Refused(problems);
        }

        Challenge challenge;
        try
        {
            challenge = Challenge.RaiseManual(site.SiteId, record, severity, command.Finding!, command.Resolution!, _runner.Today);
        }
        catch (DomainException refused)
        {
            return Outcome<Guid>.Refused("Finding", refused.Message);
        }

        _db.Challenges.Add(challenge);
        await MinuteAsync(site, challenge, $"Raised {ChallengeCodes.Manual} on {record}: {challenge.Finding}", cancellationToken);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Of(challenge.Id);
    }

    private async Task<SiteRef> DecidableSiteAsync(string siteCode, CancellationToken cancellationToken)
    {
        var site = await _access.ChallengeSiteAsync(siteCode, cancellationToken);
        if (!SiteAccessPolicy.CanDecideChallenges(await _access.ScopeAsync(cancellationToken), site))
        {
            throw new ForbiddenException("Deciding on challenges is for the provider's nominated individual.");
        }

        return site;
    }

    private async Task<Challenge> LoadAsync(Guid siteId, Guid challengeId, CancellationToken cancellationToken) =>
        await _db.Challenges.Include(c => c.History).FirstOrDefaultAsync(c => c.Id == challengeId && c.SiteId == siteId, cancellationToken)
            ?? throw new NotFoundException("No such challenge at this site.");

    /// <summary>Applies a step of the lifecycle; a decision of the NI is also minuted for the next oversight meeting.</summary>
    /// <param name="tell">Who must hear of the step, put in the outbox in the same save.</param>
    private async Task<Outcome> ApplyAsync(
        Action step, string field, CancellationToken cancellationToken, SiteRef? decidedAt = null, Challenge? decided = null, string? decision = null, Func<Task>? tell = null)
    {
        try
        {
            step();
        }
        catch (DomainException refused)
        {
            return Outcome.Refused(field, refused.Message);
        }

        if (decidedAt is { } site && decided is not null)
        {
            await MinuteAsync(site, decided, $"{decision} {decided.Code}: {decided.History[^1].Text}", cancellationToken);
        }

        if (tell is not null)
        {
            await tell();
        }

        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Tells the provider's nominated individual, saved with the answer, that it waits for their decision; never the person who wrote it.</summary>
    private async Task TellDecidersAsync(SiteRef site, List<Challenge> answered, CancellationToken cancellationToken)
    {
        var about = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => new { s.Code, s.Name }).SingleAsync(cancellationToken);
        var provider = await _db.Providers.Where(p => p.Id == site.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var deciders = await ProviderPeople.InRoles(_db, site.ProviderId, Roles.NominatedIndividual)
            .Where(u => u.Id != _actor.UserId)
            .Select(u => new MailRecipient(u.Id, u.Email!))
            .ToListAsync(cancellationToken);
        var rules = answered.GroupBy(c => c.Code).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{ChallengeCatalogue.Of(g.Key).Title} ({g.Key}){(g.Count() > 1 ? $" ×{g.Count()}" : "")}");
        var escalated = answered.Count(c => c.Status == ChallengeStatus.Escalated);
        List<string> paragraphs =
        [
            $"{about.Name} ({about.Code}) has answered {(answered.Count == 1 ? "a challenge" : $"{answered.Count} challenges")}: {string.Join("; ", rules)}.",
            "Read each answer and the records it cites, then accept it or escalate the challenge to the board.",
        ];
        if (escalated > 0)
        {
            paragraphs.Add($"{(escalated == answered.Count ? (escalated == 1 ? "It was" : "All were") : $"{escalated} of them {(escalated == 1 ? "was" : "were")}")} escalated already: an escalated challenge stays open until you close it.");
        }

        var message = new MailMessageVm(
            $"{about.Name}: {(answered.Count == 1 ? "an answer waits" : $"{answered.Count} answers wait")} for your decision",
            paragraphs,
            answered.Count == 1 ? "Read the answer" : "Read the answers",
            _mail.Link(answered.Count == 1 ? $"/sites/{about.Code}/challenges/{answered[0].Id}" : $"/sites/{about.Code}/challenges?status=Responded"),
            $"You get this because you decide on challenges as {provider}'s nominated individual.");
        foreach (var decider in deciders)
        {
            await _mail.AddAsync(_db, site.ProviderId, MailKinds.AnswerWaiting, decider, message, cancellationToken);
        }
    }

    /// <summary>
    /// Tells the site's registered managers, and the provider's other nominated individuals, that a
    /// challenge is escalated to the board. The note is not sent: it is typed freely and may name someone.
    /// </summary>
    private async Task TellOfEscalationAsync(SiteRef site, Challenge escalated, CancellationToken cancellationToken)
    {
        var about = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => new { s.Code, s.Name }).SingleAsync(cancellationToken);
        var provider = await _db.Providers.Where(p => p.Id == site.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var managers = ProviderPeople.InRoles(_db, site.ProviderId, Roles.RegisteredManager)
            .Where(u => _db.SiteAssignments.Any(a => a.UserId == u.Id && a.SiteId == site.SiteId));
        var told = await ProviderPeople.InRoles(_db, site.ProviderId, Roles.NominatedIndividual).Union(managers)
            .Where(u => u.Id != _actor.UserId)
            .Select(u => new MailRecipient(u.Id, u.Email!))
            .ToListAsync(cancellationToken);
        var rule = ChallengeCatalogue.Of(escalated.Code).Title;
        var message = new MailMessageVm(
            $"{about.Name}: a challenge is escalated to the board",
            [
                $"{provider}'s nominated individual has escalated a challenge at {about.Name} ({about.Code}) to the board: {rule} ({escalated.Code}), open since {escalated.OpenedOn.ToBritishDate()}.",
                "It stays open, and appears under the decisions the board pack asks for, until the nominated individual closes it. The challenge's page has the reason and what the site can add.",
            ],
            "See the challenge",
            _mail.Link($"/sites/{about.Code}/challenges/{escalated.Id}"),
            $"You get this because you work at {about.Name} or oversee it for {provider}.");
        foreach (var person in told)
        {
            await _mail.AddAsync(_db, site.ProviderId, MailKinds.Escalated, person, message, cancellationToken);
        }
    }

    /// <summary>Writes the decision, dated today, into the minutes of the provider's next oversight meeting (or holds it until one is set).</summary>
    private async Task MinuteAsync(SiteRef site, Challenge challenge, string decision, CancellationToken cancellationToken)
    {
        var today = _runner.Today;
        var minute = new OversightMinute(site.ProviderId, challenge.Id, site.SiteId, today, decision);
        var next = await _db.OversightMeetings.Where(m => m.ProviderId == site.ProviderId && m.HeldOn >= today).OrderBy(m => m.HeldOn).FirstOrDefaultAsync(cancellationToken);
        if (next is not null)
        {
            minute.MinutedIn(next);
        }

        _db.OversightMinutes.Add(minute);
    }
}
