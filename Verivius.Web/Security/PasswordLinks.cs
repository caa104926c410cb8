using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Mail;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Mail;

namespace Verivius.Web.Security;

/// <summary>Why a person was sent a link to choose a password: each kind of link lasts its own time.</summary>
public enum PasswordLinkKind
{
    /// <summary>A new user's first password, or one their admin asked for: lasts days.</summary>
    Invitation,

    /// <summary>Asked for by the person who forgot theirs: lasts hours.</summary>
    Reset,
}

/// <summary>
/// The links by which a person chooses their own password, sent by e-mail. A link carries an Identity
/// token bound to the account's security stamp, so it works once: choosing the password changes the
/// stamp, and every link sent before stops working. With mail off nothing can be sent, and admins
/// fall back to one-time passwords.
/// </summary>
internal sealed class PasswordLinks
{
    private const string Purpose = "choose-password";

    private readonly UserManager<VeriviusUser> _users;
    private readonly MailComposer _mail;
    private readonly MailOptions _options;
    private readonly SecurityOptions _security;
    private readonly TimeProvider _clock;

    private readonly IDataProtectionProvider _protection;

    public PasswordLinks(UserManager<VeriviusUser> users, MailComposer mail, MailOptions options, SecurityOptions security, TimeProvider clock, IDataProtectionProvider protection)
    {
        _protection = protection;
        _users = users;
        _mail = mail;
        _options = options;
        _security = security;
        _clock = clock;
    }

    /// <summary>Whether this portal sends mail, so links can replace one-time passwords.</summary>
    public bool CanSend => _options.Delivery != MailDelivery.Off;

    /// <summary>
    /// Makes sure the data-protection key that signs links exists, before the caller opens a transaction:
    /// on a new database the first link creates the key, saved through a connection of its own, which
    /// SQLite would refuse while the caller's transaction holds the write lock.
    /// </summary>
    public void PrepareToSign() => _protection.CreateProtector("Verivius.KeyRing.Ready").Protect([1]);

    /// <summary>Puts a link to choose a password in the outbox, saved with whatever the caller saves next.</summary>
    /// <param name="because">The first paragraph: why the person is getting it.</param>
    public async Task SendAsync(VeriviusDbContext db, VeriviusUser user, PasswordLinkKind kind, string because, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = kind == PasswordLinkKind.Invitation
            ? await _users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, Purpose)
            : await _users.GeneratePasswordResetTokenAsync(user);
        var lifetime = kind == PasswordLinkKind.Invitation ? _security.InvitationLinkLifetime : _security.ResetLinkLifetime;
        var link = _mail.Link($"/account/choose-password?user={Uri.EscapeDataString(user.Id)}&for={kind.ToString().ToLowerInvariant()}&token={Uri.EscapeDataString(token)}");
        var subject = kind == PasswordLinkKind.Invitation ? "Choose your password for Verivius" : "A link to choose a new Verivius password";
        await _mail.AddAsync(db, user.ProviderId, kind == PasswordLinkKind.Invitation ? MailKinds.Invitation : MailKinds.PasswordReset, new MailRecipient(user.Id, user.Email!), new MailMessageVm(
            subject,
            [
                because,
                $"The link below lets you choose a password. It works once, for {InWords(lifetime)}. Your sign-in name is this e-mail address.",
                "If you did not expect this message, you can ignore it: nothing changes until the link is used.",
            ],
            "Choose your password",
            link,
            "You get this message because an account on Verivius uses this address. It cannot be turned off."), cancellationToken);
    }

    /// <summary>Whether a link still works: the account is enabled and the token is good for it.</summary>
    public async Task<bool> WorksAsync(VeriviusUser user, PasswordLinkKind kind, string token)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await (kind == PasswordLinkKind.Invitation
            ? _users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, Purpose, token)
            : _users.VerifyUserTokenAsync(user, _users.Options.Tokens.PasswordResetTokenProvider, UserManager<VeriviusUser>.ResetPasswordTokenPurpose, token));
    }

    /// <summary>
    /// Sets the password the link was for. An invitation's token is checked and then exchanged for a
    /// reset token, so both kinds go through Identity's reset: validated, and the stamp changed, which
    /// spends the link.
    /// </summary>
    public async Task<IdentityResult> ChooseAsync(VeriviusUser user, PasswordLinkKind kind, string token, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await WorksAsync(user, kind, token))
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This link has been used or has expired." });
        }

        var resetToken = kind == PasswordLinkKind.Invitation ? await _users.GeneratePasswordResetTokenAsync(user) : token;
        return await _users.ResetPasswordAsync(user, resetToken, password);
    }

    /// <summary>
    /// How many reset messages went to this address in the last hour: past the limit, asking again
    /// sends nothing (and says the same), so the form cannot be used to flood someone's inbox.
    /// </summary>
    public async Task<bool> ResetLimitReachedAsync(VeriviusDbContext db, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = _clock.GetUtcNow().AddHours(-1);
        var sent = await db.Outbox.CountAsync(m => m.Kind == MailKinds.PasswordReset && m.Recipient == email && m.QueuedAt > since, cancellationToken);
        return sent >= _security.ResetMailsPerHour;
    }

    private static string InWords(TimeSpan lifetime) =>
        lifetime.TotalDays >= 1 && lifetime.TotalDays == Math.Floor(lifetime.TotalDays) ? $"{lifetime.TotalDays:0} days"
        : lifetime.TotalHours >= 1 ? $"{lifetime.TotalHours:0.#} hours"
        : $"{lifetime.TotalMinutes:0} minutes";
}

/// <summary>Identity's data-protection tokens with their own lifetime, for invitations: a reset link lasts hours, an invitation days.</summary>
public sealed class InvitationTokenProvider : DataProtectorTokenProvider<VeriviusUser>
{
    public const string ProviderName = "Invitation";

    public InvitationTokenProvider(IDataProtectionProvider dataProtectionProvider, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<VeriviusUser>> logger)
        : base(dataProtectionProvider, options, logger)
    {
    }
}

public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenOptions() => Name = InvitationTokenProvider.ProviderName;
}
