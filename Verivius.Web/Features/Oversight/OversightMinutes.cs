using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Common;
using Verivius.Domain.Documents;
using Verivius.Domain.Oversight;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Documents;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Oversight;

/// <summary>The provider's oversight meetings, each with how many challenge decisions its minutes carry, and those still waiting for a meeting.</summary>
public sealed record ListOversightMeetingsQuery : IQuery<OversightMeetingsVm>;

/// <summary>One meeting's minutes: the nominated individual's decisions on challenges, dated, with links.</summary>
public sealed record GetOversightMinutesQuery(Guid MeetingId) : IQuery<OversightMinutesVm>;

/// <summary>The nominated individual sets the date of an oversight meeting; decisions waiting for a meeting go into its minutes.</summary>
public sealed record ScheduleOversightMeetingCommand(DateOnly? HeldOn, string? Title) : ICommand<Outcome<Guid>>;

public sealed record OversightMeetingsVm(IReadOnlyList<OversightMeetingRowVm> Meetings, IReadOnlyList<MinuteVm> Waiting, bool CanSchedule, DateOnly Today);

public sealed record OversightMeetingRowVm(Guid Id, DateOnly HeldOn, string Title, int Decisions);

/// <summary>The nominated individual records who attended, apologies, actions agreed and other business.</summary>
public sealed record RecordOversightMeetingCommand(Guid MeetingId, string? Attendees, string? Apologies, string? ActionsAgreed, string? OtherBusiness) : ICommand<Outcome>;

/// <summary>The nominated individual asks for the meeting's minutes as a Word document: a draft to approve like the others; the result is the document.</summary>
public sealed record WriteOversightMinutesCommand(Guid MeetingId) : ICommand<Guid>;

/// <param name="Documents">The minutes documents written for the meeting, newest first.</param>
public sealed record OversightMinutesVm(
    Guid Id,
    DateOnly HeldOn,
    string Title,
    IReadOnlyList<MinuteVm> Decisions,
    string Attendees,
    string Apologies,
    string ActionsAgreed,
    string OtherBusiness,
    bool CanRecord,
    IReadOnlyList<MinutesDocumentVm> Documents);

public sealed record MinutesDocumentVm(Guid Id, int Revision, DocumentReview Review, DocumentStatus Status);

public sealed record MinuteVm(DateOnly DecidedOn, string By, string SiteCode, string SiteName, Guid ChallengeId, string Decision);

internal sealed class OversightMinutesHandler :
    IQueryHandler<ListOversightMeetingsQuery, OversightMeetingsVm>,
    IQueryHandler<GetOversightMinutesQuery, OversightMinutesVm>,
    ICommandHandler<ScheduleOversightMeetingCommand, Outcome<Guid>>,
    ICommandHandler<RecordOversightMeetingCommand, Outcome>,
    ICommandHandler<WriteOversightMinutesCommand, Guid>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly ChallengeRunner _runner;
    private readonly DocumentRequests _requests;
    private readonly CurrentActor _actor;

    public OversightMinutesHandler(VeriviusDbContext db, SiteAccess access, ChallengeRunner runner, DocumentRequests requests, CurrentActor actor)
    {
        _db = db;
        _access = access;
        _runner = runner;
        _requests = requests;
        _actor = actor;
    }

    public async ValueTask<OversightMeetingsVm> Handle(ListOversightMeetingsQuery query, CancellationToken cancellationToken)
    {
        var (providerId, scope) = await ProviderAsync(cancellationToken);
        var meetings = await _db.OversightMeetings.Where(m => m.ProviderId == providerId)
            .OrderByDescending(m => m.HeldOn)
            .Select(m => new OversightMeetingRowVm(m.Id, m.HeldOn, m.Title, _db.OversightMinutes.Count(x => x.MeetingId == m.Id)))
            .ToListAsync(cancellationToken);
        var waiting = await MeetingDecisions.OfAsync(_db, providerId, null, cancellationToken);
        return new OversightMeetingsVm(meetings, waiting, scope.IsIn(Roles.NominatedIndividual), _runner.Today);
    }

    public async ValueTask<OversightMinutesVm> Handle(GetOversightMinutesQuery query, CancellationToken cancellationToken)
    {
        var (providerId, scope) = await ProviderAsync(cancellationToken);
        var meeting = await MeetingAsync(providerId, query.MeetingId, cancellationToken);
        var documents = await _db.Documents.Where(d => d.MeetingId == meeting.Id && d.Kind == DocumentKind.OversightMinutes)
            .OrderByDescending(d => d.Revision)
            .Select(d => new MinutesDocumentVm(d.Id, d.Revision, d.Review, d.Status))
            .ToListAsync(cancellationToken);
        return new OversightMinutesVm(
            meeting.Id, meeting.HeldOn, meeting.Title, await MeetingDecisions.OfAsync(_db, providerId, meeting.Id, cancellationToken),
            meeting.Attendees, meeting.Apologies, meeting.ActionsAgreed, meeting.OtherBusiness, scope.IsIn(Roles.NominatedIndividual), documents);
    }

    public async ValueTask<Outcome> Handle(RecordOversightMeetingCommand command, CancellationToken cancellationToken)
    {
        var providerId = await NominatedProviderAsync(cancellationToken);
        var meeting = await MeetingAsync(providerId, command.MeetingId, cancellationToken);
        try
        {
            meeting.Record(command.Attendees, command.Apologies, command.ActionsAgreed, command.OtherBusiness);
        }
        catch (DomainException refused)
        {
            return Outcome.Refused("", refused.Message);
        }

        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async ValueTask<Guid> Handle(WriteOversightMinutesCommand command, CancellationToken cancellationToken)
    {
        var providerId = await NominatedProviderAsync(cancellationToken);
        var meeting = await MeetingAsync(providerId, command.MeetingId, cancellationToken);
        var month = new DateOnly(meeting.HeldOn.Year, meeting.HeldOn.Month, 1);
        var scope = DocumentScope.Meeting(meeting.Id, meeting.Title, meeting.HeldOn);
        var document = new GovernanceDocument(providerId, DocumentKind.OversightMinutes, month, scope, $"{DocumentKinds.Title(DocumentKind.OversightMinutes)}: {scope.Name}", meeting.HeldOn, _actor.ActorName);
        return await _requests.AskAsync(_db, document, cancellationToken);
    }

    private async Task<OversightMeeting> MeetingAsync(Guid providerId, Guid meetingId, CancellationToken cancellationToken) =>
        await _db.OversightMeetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.ProviderId == providerId, cancellationToken)
            ?? throw new NotFoundException("No such oversight meeting.");

    private async Task<Guid> NominatedProviderAsync(CancellationToken cancellationToken)
    {
        var (providerId, scope) = await ProviderAsync(cancellationToken);
        return scope.IsIn(Roles.NominatedIndividual) ? providerId : throw new ForbiddenException("The minutes are recorded by the nominated individual.");
    }

    public async ValueTask<Outcome<Guid>> Handle(ScheduleOversightMeetingCommand command, CancellationToken cancellationToken)
    {
        var (providerId, scope) = await ProviderAsync(cancellationToken);
        if (!scope.IsIn(Roles.NominatedIndividual))
        {
            throw new ForbiddenException("Oversight meetings are set by the nominated individual.");
        }

        if (command.HeldOn is not { } heldOn)
        {
            return Outcome<Guid>.Refused("HeldOn", "Enter the date of the meeting.");
        }

        OversightMeeting meeting;
        try
        {
            meeting = new OversightMeeting(providerId, heldOn, command.Title ?? "");
        }
        catch (DomainException refused)
        {
            return Outcome<Guid>.Refused("Title", refused.Message);
        }

        _db.OversightMeetings.Add(meeting);

        // Decisions made before this meeting that no meeting has minuted yet are minuted here.
        var waiting = await _db.OversightMinutes.Where(m => m.ProviderId == providerId && m.MeetingId == null && m.DecidedOn <= heldOn).ToListAsync(cancellationToken);
        waiting.ForEach(minute => minute.MinutedIn(meeting));
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Of(meeting.Id);
    }

    private async Task<(Guid ProviderId, UserScope Scope)> ProviderAsync(CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        if (!scope.SeesWholeProvider || scope.ProviderId is not { } providerId)
        {
            throw new ForbiddenException("Oversight meetings are for the nominated individual and the provider admin.");
        }

        return (providerId, scope);
    }
}

/// <summary>The decisions of a meeting (or those no meeting has minuted yet), each with who made it by name: for the page and the minutes document.</summary>
internal static class MeetingDecisions
{
    public static async Task<List<MinuteVm>> OfAsync(VeriviusDbContext db, Guid providerId, Guid? meetingId, CancellationToken cancellationToken)
    {
        var minutes = await db.OversightMinutes.Where(m => m.ProviderId == providerId && m.MeetingId == meetingId)
            .Join(db.Sites, m => m.SiteId, s => s.Id, (m, s) => new { m, s })
            .OrderBy(x => x.m.DecidedOn).ThenBy(x => x.m.CreatedAt)
            .Select(x => new MinuteVm(x.m.DecidedOn, x.m.CreatedBy, x.s.Code, x.s.Name, x.m.ChallengeId, x.m.Decision))
            .ToListAsync(cancellationToken);
        var who = await PeopleNames.ForAsync(db, minutes.Select(m => m.By), cancellationToken);
        return [.. minutes.Select(m => m with { By = who(m.By) })];
    }
}
