using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Verivius.Infrastructure.Mail;

namespace Verivius.Web.Mail;

/// <summary>
/// The signed link in a message that turns its kind off for its recipient without signing in: the
/// user and the kind, protected with the portal's data-protection keys (kept in the database, so any
/// instance reads a link another wrote). A link cannot be altered to turn off someone else's mail.
/// </summary>
internal sealed class UnsubscribeLinks
{
    private readonly IDataProtector _protector;
    private readonly MailOptions _options;

    public UnsubscribeLinks(IDataProtectionProvider protection, MailOptions options)
    {
        _protector = protection.CreateProtector("Verivius.Mail.Unsubscribe.v1");
        _options = options;
    }

    public Uri For(string userId, string kind) => _options.Link($"/mail/unsubscribe?t={Uri.EscapeDataString(_protector.Protect($"{userId}\n{kind}"))}");

    /// <summary>The user and kind a link was made for, or null when it was not made here or was altered.</summary>
    public (string UserId, string Kind)? Read(string? token)
    {
        try
        {
            var parts = _protector.Unprotect(token ?? "").Split('\n');
            return parts.Length == 2 ? (parts[0], parts[1]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
