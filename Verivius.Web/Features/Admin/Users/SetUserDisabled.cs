using Mediator;
using Microsoft.AspNetCore.Identity;
using Verivius.Infrastructure.Identity;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Users;

/// <summary>Disables a user (they cannot sign in, and open sessions end) or enables them again.</summary>
public sealed record SetUserDisabledCommand(string UserId, bool Disabled) : ICommand<Outcome>;

internal sealed class SetUserDisabledHandler : ICommandHandler<SetUserDisabledCommand, Outcome>
{
    private readonly UserManager<VeriviusUser> _users;
    private readonly SiteAccess _access;
    private readonly SignedInSessions _sessions;

    public SetUserDisabledHandler(UserManager<VeriviusUser> users, SiteAccess access, SignedInSessions sessions)
    {
        _users = users;
        _access = access;
        _sessions = sessions;
    }

    public async ValueTask<Outcome> Handle(SetUserDisabledCommand command, CancellationToken cancellationToken)
    {
        var user = await AdministeredUser.FindAsync(_users, _access, command.UserId, cancellationToken);
        var scope = await _access.ScopeAsync(cancellationToken);
        if (command.Disabled && user.Id == scope.UserId)
        {
            return Outcome.Refused("", "You cannot disable your own account.");
        }

        user.IsDisabled = command.Disabled;
        user.LockoutEnd = command.Disabled ? DateTimeOffset.MaxValue : null;
        user.AccessFailedCount = 0;
        await _users.UpdateAsync(user);

        // Their open sessions end now, and a new security stamp refuses any cookie issued before.
        await _users.UpdateSecurityStampAsync(user);
        if (command.Disabled)
        {
            await _sessions.EndAllAsync(user.Id, "account disabled", cancellationToken);
        }
        return Outcome.Done;
    }
}
