using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Common;
using Verivius.Domain.Oversight;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
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

public sealed record OversightMinutesVm(Guid Id, DateOnly HeldOn, string Title, IReadOnlyList<MinuteVm> Decisions);

public sealed record MinuteVm(DateOnly DecidedOn, string By, string SiteCode, string SiteName, Guid ChallengeId, string Decision);

internal sealed class OversightMinutesHandler :
    IQueryHandler<ListOversightMeetingsQuery, OversightMeetingsVm>,
    IQueryHandler<GetOversightMinutesQuery, OversightMinutesVm>,
    ICommandHandler<ScheduleOversightMeetingCommand, Outcome<Guid>>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly ChallengeRunner _runner;

    public OversightMinutesHandler(VeriviusDbContext db, SiteAccess access, ChallengeRunner runner)
    {
        _db = db;
        _access = access;
        _runner = runner;
    }

    public async ValueTask<OversightMeetingsVm> Handle(ListOversightMeetingsQuery query, CancellationToken cancellationToken)
    {
        var (providerId, scope) = await ProviderAsync(cancellationToken);
        var meetings = await _db.OversightMeetings.Where(m => m.ProviderId == providerId)
            .OrderByDescending(m => m.HeldOn)
            .Select(m => new OversightMeetingRowVm(m.Id, m.HeldOn, m.Title, _db.OversightMinutes.Count(x => x.MeetingId == m.Id)))
            .ToListAsync(cancellationToken);
        var waiting = await MinutesAsync(providerId, null, cancellationToken);
        return new OversightMeetingsVm(meetings, waiting, scope.IsIn(Roles.NominatedIndividual), _runner.Today);
    }

    public async ValueTask<OversightMinutesVm> Handle(GetOversightMinutesQuery query, CancellationToken cancellationToken)
    {
        var (providerId, _) = await ProviderAsync(cancellationToken);
        var meeting = await _db.OversightMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == query.MeetingId && m.ProviderId == providerId, cancellationToken)
            ?? throw new NotFoundException("No such oversight meeting.");
        return new OversightMinutesVm(meeting.Id, meeting.HeldOn, meeting.Title, await MinutesAsync(providerId, meeting.Id, cancellationToken));
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

    /// <summary>The decisions of a meeting (or those no meeting has minuted yet), each with who made it by name.</summary>
    private async Task<List<MinuteVm>> MinutesAsync(Guid providerId, Guid? meetingId, CancellationToken cancellationToken)
    {
        var minutes = await _db.OversightMinutes.Where(m => m.ProviderId == providerId && m.MeetingId == meetingId)
            .Join(_db.Sites, m => m.SiteId, s => s.Id, (m, s) => new { m, s })
            .OrderBy(x => x.m.DecidedOn).ThenBy(x => x.m.CreatedAt)
            .Select(x => new MinuteVm(x.m.DecidedOn, x.m.CreatedBy, x.s.Code, x.s.Name, x.m.ChallengeId, x.m.Decision))
            .ToListAsync(cancellationToken);
        var who = await PeopleNames.ForAsync(_db, minutes.Select(m => m.By), cancellationToken);
        return [.. minutes.Select(m => m with { By = who(m.By) })];
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
