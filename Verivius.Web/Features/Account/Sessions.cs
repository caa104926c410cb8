using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Account;

/// <summary>The signed-in person's live sessions, newest first, with the one this request came from marked.</summary>
public sealed record ListSessionsQuery(Guid? Current) : IQuery<IReadOnlyList<SessionRowVm>>;

public sealed record SessionRowVm(Guid Id, string Device, string Address, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt, bool IsThisOne);

internal sealed class ListSessionsHandler : IQueryHandler<ListSessionsQuery, IReadOnlyList<SessionRowVm>>
{
    private readonly VeriviusDbContext _db;
    private readonly CurrentActor _actor;

    public ListSessionsHandler(VeriviusDbContext db, CurrentActor actor)
    {
        _db = db;
        _actor = actor;
    }

    public async ValueTask<IReadOnlyList<SessionRowVm>> Handle(ListSessionsQuery query, CancellationToken cancellationToken)
    {
        var sessions = await _db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == _actor.UserId && s.EndedAt == null)
            .ToListAsync(cancellationToken);
        return sessions
            .OrderByDescending(s => s.Id == query.Current).ThenByDescending(s => s.LastSeenAt)
            .Select(s => new SessionRowVm(s.Id, DeviceName.Describe(s.Device), s.Address, s.StartedAt, s.LastSeenAt, s.Id == query.Current))
            .ToList();
    }
}

/// <summary>
/// Ends one of the person's sessions, or all of them ("sign out everywhere"); ending the current one
/// signs out here too. A session that is not theirs, or has ended, is not found.
/// </summary>
public sealed record EndSessionsCommand(Guid? SessionId, Guid? Current) : ICommand;

internal sealed class EndSessionsHandler : ICommandHandler<EndSessionsCommand>
{
    private readonly SignedInSessions _sessions;
    private readonly SignInManager<VeriviusUser> _signIn;
    private readonly CurrentActor _actor;

    public EndSessionsHandler(SignedInSessions sessions, SignInManager<VeriviusUser> signIn, CurrentActor actor)
    {
        _sessions = sessions;
        _signIn = signIn;
        _actor = actor;
    }

    public async ValueTask<Unit> Handle(EndSessionsCommand command, CancellationToken cancellationToken)
    {
        var userId = _actor.UserId ?? throw new NotFoundException("You are not signed in.");
        if (command.SessionId is { } one)
        {
            if (!await _sessions.EndAsync(userId, one, one == command.Current ? "signed out" : "ended by the person", cancellationToken))
            {
                throw new NotFoundException("That session is not one of yours, or it has already ended.");
            }
        }
        else
        {
            await _sessions.EndAllAsync(userId, "signed out everywhere", cancellationToken);
        }

        if (command.SessionId is null || command.SessionId == command.Current)
        {
            await _signIn.SignOutAsync();
        }

        return Unit.Value;
    }
}

/// <summary>A browser's description of itself in the words a person recognises: "Chrome on Windows".</summary>
public static class DeviceName
{
    private static readonly (string Marker, string Name)[] Browsers =
        [("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari")];

    private static readonly (string Marker, string Name)[] Systems =
        [("Windows", "Windows"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Mac OS X", "macOS"), ("Linux", "Linux")];

    public static string Describe(string userAgent)
    {
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Marker, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Marker, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, null) => userAgent,
            (null, _) => $"A browser on {system}",
            (_, null) => browser,
            _ => $"{browser} on {system}",
        };
    }
}
