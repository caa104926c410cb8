namespace Verivius.Domain.Access;

/// <summary>
/// One signed-in session of a person, held by the server so that it can be ended at once: signing
/// out, a password change or an admin's change to the person ends it, and a replayed cookie of an
/// ended session is refused however long its own expiry still runs.
/// </summary>
public sealed class UserSession
{
    /// <summary>How stale "last seen" may grow before a request refreshes it: a write per request would cost more than it tells.</summary>
    public static readonly TimeSpan LastSeenPrecision = TimeSpan.FromMinutes(5);

    private UserSession()
    {
    }

    public UserSession(string userId, string device, string address, DateTimeOffset startedAt)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        Device = Shorten(device, 200);
        Address = Shorten(address, 64);
        StartedAt = startedAt;
        LastSeenAt = startedAt;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; } = "";

    /// <summary>The browser and system, as the browser describes itself.</summary>
    public string Device { get; private set; } = "";

    /// <summary>The network address it signed in from.</summary>
    public string Address { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Why it ended, in words: "signed out", "password changed", "ended by the person".</summary>
    public string? EndedBecause { get; private set; }

    public bool IsLive => EndedAt is null;

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];
}
