using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Security;

/// <summary>
/// Starts and ends the sessions the server holds for signed-in people. The cookie carries only the
/// session's id (in its properties, which survive every renewal); each request checks the row, so an
/// ended session's cookie is refused at once, on every instance.
/// </summary>
public sealed class SignedInSessions
{
    private const string SessionIdKey = "verivius.session-id";
    private const string SignedInAtKey = "verivius.signed-in-at";

    private readonly VeriviusDbContext _db;
    private readonly SignInManager<VeriviusUser> _signIn;
    private readonly IHttpContextAccessor _http;
    private readonly TimeProvider _clock;

    public SignedInSessions(VeriviusDbContext db, SignInManager<VeriviusUser> signIn, IHttpContextAccessor http, TimeProvider clock)
    {
        _db = db;
        _signIn = signIn;
        _http = http;
        _clock = clock;
    }

    /// <summary>The session this request was made in, once its cookie has been validated.</summary>
    public static Guid? CurrentId(HttpContext http) => http.Items[SessionIdKey] as Guid?;

    /// <summary>The id and sign-in time a session cookie carries, or nulls for a cookie from before sessions were held.</summary>
    public static (Guid? Id, DateTimeOffset? SignedInAt) Read(AuthenticationProperties properties)
    {
        var id = properties.Items.TryGetValue(SessionIdKey, out var idText) && Guid.TryParse(idText, out var parsed) ? parsed : (Guid?)null;
        var at = properties.Items.TryGetValue(SignedInAtKey, out var atText) && long.TryParse(atText, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : (DateTimeOffset?)null;
        return (id, at);
    }

    public static void MarkCurrent(HttpContext http, Guid sessionId) => http.Items[SessionIdKey] = sessionId;

    /// <summary>Records a new session for the person and signs them in to it.</summary>
    public async Task SignInAsync(VeriviusUser user, CancellationToken cancellationToken)
    {
        var http = _http.HttpContext;
        var now = _clock.GetUtcNow();
        var session = new UserSession(
            user.Id,
            http?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : "unknown device",
            http?.Connection.RemoteIpAddress?.ToString() ?? "unknown address",
            now);
        _db.UserSessions.Add(session);
        await _db.SaveChangesAsync(cancellationToken);

        var properties = new AuthenticationProperties();
        properties.Items[SessionIdKey] = session.Id.ToString();
        properties.Items[SignedInAtKey] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _signIn.SignInWithClaimsAsync(user, properties, []);
        if (http is not null)
        {
            MarkCurrent(http, session.Id);
        }
    }

    /// <summary>Ends one of the person's own sessions; false when it is not theirs or already ended.</summary>
    public async Task<bool> EndAsync(string userId, Guid sessionId, string because, CancellationToken cancellationToken) =>
        await Live(userId).Where(s => s.Id == sessionId).ExecuteUpdateAsync(End(because), cancellationToken) > 0;

    /// <summary>Ends every live session of a person (a password change, an admin's change to them, "sign out everywhere").</summary>
    public async Task<int> EndAllAsync(string userId, string because, CancellationToken cancellationToken) =>
        await Live(userId).ExecuteUpdateAsync(End(because), cancellationToken);

    /// <summary>Ends every live session of a person but the one this request came from, if it is theirs.</summary>
    public async Task<int> EndOthersAsync(string userId, string because, CancellationToken cancellationToken)
    {
        var current = _http.HttpContext is { } http ? CurrentId(http) : null;
        return await Live(userId).Where(s => s.Id != current).ExecuteUpdateAsync(End(because), cancellationToken);
    }

    /// <summary>Moves a live session's "last seen" on, when it has grown stale.</summary>
    public async Task SeenAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await _db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
    }

    private IQueryable<UserSession> Live(string userId) => _db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null);

    private Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<UserSession>> End(string because)
    {
        var now = _clock.GetUtcNow();
        return s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndedBecause, because);
    }
}
