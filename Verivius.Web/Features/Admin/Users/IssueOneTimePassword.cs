using Mediator;
using Microsoft.AspNetCore.Identity;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Users;

/// <summary>
/// Replaces a user's password and lifts any lockout: the person is e-mailed a link to choose a new
/// one, or, with mail off, the admin is shown a one-time password to pass on.
/// </summary>
public sealed record IssueOneTimePasswordCommand(string UserId) : ICommand<Outcome<CreatedUser>>;

internal sealed class IssueOneTimePasswordHandler : ICommandHandler<IssueOneTimePasswordCommand, Outcome<CreatedUser>>
{
    private readonly VeriviusDbContext _db;
    private readonly UserManager<VeriviusUser> _users;
    private readonly SiteAccess _access;
    private readonly SignedInSessions _sessions;
    private readonly PasswordLinks _links;

    public IssueOneTimePasswordHandler(VeriviusDbContext db, UserManager<VeriviusUser> users, SiteAccess access, SignedInSessions sessions, PasswordLinks links)
    {
        _db = db;
        _users = users;
        _access = access;
        _sessions = sessions;
        _links = links;
    }

    public async ValueTask<Outcome<CreatedUser>> Handle(IssueOneTimePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await AdministeredUser.FindAsync(_users, _access, command.UserId, cancellationToken);
        if (user.IsDisabled)
        {
            return Outcome<CreatedUser>.Refused("", "Enable the account before issuing it a password.");
        }

        var password = OneTimePasswords.New();
        if (_links.CanSend)
        {
            _links.PrepareToSign();
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var token = await _users.GeneratePasswordResetTokenAsync(user);
        var reset = await _users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return Outcome<CreatedUser>.Refused("", string.Join(" ", reset.Errors.Select(e => e.Description)));
        }

        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await _users.UpdateAsync(user);
        await _sessions.EndAllAsync(user.Id, "password reset by an admin", cancellationToken);
        if (_links.CanSend)
        {
            await _links.SendAsync(_db, user, PasswordLinkKind.Invitation, "Your provider admin has reset your Verivius password: the old one no longer works.", cancellationToken);
            await _db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome<CreatedUser>.Of(new CreatedUser(user.Id, user.Email!, _links.CanSend ? null : password, _links.CanSend));
    }
}
