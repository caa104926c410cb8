namespace Verivius.Web.Security;

/// <summary>The <c>Security</c> section of appsettings.json.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Sign-in attempts one client address may make per minute before it is told to wait.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Requests one API token may make per minute before it is told to wait (429, with Retry-After).</summary>
    public int ApiCallsPerMinute { get; set; } = 60;

    /// <summary>The largest request body, which bounds a pack upload with its attachments.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024 * 1024;

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan AbsoluteSessionLimit { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a new user's invitation link (or one an admin sends again) works.</summary>
    public TimeSpan InvitationLinkLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a link to choose a new password, asked for by its owner, works.</summary>
    public TimeSpan ResetLinkLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many password-reset messages one address may be sent in an hour, however often it is asked.</summary>
    public int ResetMailsPerHour { get; set; } = 3;
}
