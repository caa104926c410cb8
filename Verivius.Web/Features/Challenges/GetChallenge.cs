using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Challenges;

/// <summary>One challenge with its records, its history and what the person looking may do with it.</summary>
public sealed record GetChallengeQuery(string SiteCode, Guid ChallengeId) : IQuery<ChallengeVm>;

public sealed record ChallengeVm(
    Guid Id,
    string SiteCode,
    string SiteName,
    string Code,
    string RuleTitle,
    ChallengeSeverity Severity,
    ChallengeStatus Status,
    string Finding,
    string Resolution,
    IReadOnlyList<ChallengeRecordVm> Subjects,
    DateOnly RaisedOn,
    DateOnly OpenedOn,
    DateOnly OpenSince,
    int? DaysOpen,
    DateOnly UpdatedOn,
    DateOnly? ClosedOn,
    string? ClosedReason,
    DateOnly? EscalatedOn,
    string? EscalationReason,
    IReadOnlyList<ChallengeEventVm> History,
    bool CanRespond,
    bool CanDecide,
    string? CannotAcceptBecause);

/// <summary>A record named in a challenge or an answer, with the kind of its page (<paramref name="Slug"/>) where it has one.</summary>
public sealed record SubjectLinkVm(string Text, string? Slug, string Ref)
{
    public static SubjectLinkVm Of(SubjectRef subject)
    {
        var kind = RecordCatalogue.Of(subject.Kind);
        var text = subject.Kind == RecordKind.Attachment ? subject.Ref : $"{kind.Singular} {subject.Ref}";
        return new(text, (kind as SiteRecordKind)?.Slug, subject.Ref);
    }
}

/// <summary>A record a challenge is about; one that joined a rolled-up challenge after the site's last answer is new to that answer.</summary>
public sealed record ChallengeRecordVm(SubjectLinkVm Link, bool JoinedSinceAnswer);

public sealed record ChallengeEventVm(ChallengeEventKind Kind, DateOnly On, DateTimeOffset At, string By, string Text, IReadOnlyList<SubjectLinkVm> Evidence);

internal sealed class GetChallengeHandler : IQueryHandler<GetChallengeQuery, ChallengeVm>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly CurrentActor _actor;
    private readonly DateOnly _today;

    public GetChallengeHandler(VeriviusDbContext db, SiteAccess access, CurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    public async ValueTask<ChallengeVm> Handle(GetChallengeQuery query, CancellationToken cancellationToken)
    {
        var site = await _access.ChallengeSiteAsync(query.SiteCode, cancellationToken);
        var scope = await _access.ScopeAsync(cancellationToken);
        var siteName = await _db.Sites.Where(s => s.Id == site.SiteId).Select(s => s.Name).SingleAsync(cancellationToken);
        var challenge = await _db.Challenges.AsNoTracking().Include(c => c.History)
            .FirstOrDefaultAsync(c => c.Id == query.ChallengeId && c.SiteId == site.SiteId, cancellationToken)
            ?? throw new NotFoundException("No such challenge at this site.");
        var code = query.SiteCode.Trim();
        var who = await PeopleNames.ForAsync(_db, challenge.History.Select(e => e.CreatedBy), cancellationToken);
        var history = challenge.History.OrderBy(e => e.CreatedAt).ThenBy(e => e.On)
            .Select(e => new ChallengeEventVm(e.Kind, e.On, e.CreatedAt, who(e.CreatedBy), e.Text, [.. e.EvidenceRefs.Select(r => SubjectLinkVm.Of(r))]))
            .ToList();
        var canDecide = SiteAccessPolicy.CanDecideChallenges(scope, site);

        // An answer covers the challenge as it stood: records that joined after it are marked new.
        var answeredOn = challenge.History.Where(e => e.Kind == ChallengeEventKind.Responded).Select(e => (DateOnly?)e.On).Max();
        var subjects = challenge.Records.OrderBy(r => r.Position)
            .Select(r => new ChallengeRecordVm(SubjectLinkVm.Of(r.Subject), answeredOn is { } answered && r.JoinedOn > answered))
            .ToList();
        return new ChallengeVm(
            challenge.Id,
            code,
            siteName,
            challenge.Code,
            ChallengeCatalogue.Of(challenge.Code).Title,
            challenge.Severity,
            challenge.Status,
            challenge.Finding,
            challenge.Resolution,
            subjects,
            challenge.RaisedOn,
            challenge.OpenedOn,
            challenge.OpenSince,
            challenge.Status.IsActive() ? _today.DayNumber - challenge.OpenSince.DayNumber : null,
            challenge.UpdatedOn,
            challenge.ClosedOn,
            challenge.ClosedReason,
            challenge.EscalatedOn,
            challenge.EscalationReason,
            history,
            challenge.Status.IsActive() && SiteAccessPolicy.CanChange(scope, site),
            canDecide,
            canDecide ? ChallengeDecisions.CannotAcceptBecause(challenge, _actor.ActorName) : "Only the nominated individual accepts a site's answer.");
    }
}
