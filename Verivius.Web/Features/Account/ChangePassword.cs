using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Account;

public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword, string ConfirmPassword) : ICommand<Outcome>;

internal sealed class ChangePasswordHandler : ICommandHandler<ChangePasswordCommand, Outcome>
{
    private readonly UserManager<VeriviusUser> _users;
    private readonly SignedInSessions _sessions;
    private readonly CurrentActor _actor;

    public ChangePasswordHandler(UserManager<VeriviusUser> users, SignedInSessions sessions, CurrentActor actor)
    {
        _users = users;
        _sessions = sessions;
        _actor = actor;
    }

    public async ValueTask<Outcome> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        if (command.NewPassword != command.ConfirmPassword)
        {
            return Outcome.Refused(nameof(command.ConfirmPassword), "The two new passwords are not the same.");
        }

        if (command.NewPassword == command.CurrentPassword)
        {
            return Outcome.Refused(nameof(command.NewPassword), "Choose a password different from the current one.");
        }

        var user = await _users.FindByIdAsync(_actor.UserId ?? "") ?? throw new NotFoundException("You are not signed in.");
        var changed = await _users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
        if (!changed.Succeeded)
        {
            return Outcome.Refused(changed.Errors.Select(e => new FieldProblem(
                e.Code == "PasswordMismatch" ? nameof(command.CurrentPassword) : nameof(command.NewPassword),
                e.Code == "PasswordMismatch" ? "The current password is not right." : e.Description)).ToList());
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await _users.UpdateAsync(user);
        }

        // Every session signed in with the old password ends now; this person carries on in a new one.
        await _sessions.EndAllAsync(user.Id, "password changed", cancellationToken);
        await _sessions.SignInAsync(user, cancellationToken);
        return Outcome.Done;
    }
}

/// <summary>Whether the signed-in person is still on a one-time password (the form then says so).</summary>
public sealed record OnOneTimePasswordQuery : IQuery<bool>;

internal sealed class OnOneTimePasswordHandler : IQueryHandler<OnOneTimePasswordQuery, bool>
{
    private readonly VeriviusDbContext _db;
    private readonly CurrentActor _actor;

    public OnOneTimePasswordHandler(VeriviusDbContext db, CurrentActor actor)
    {
        _db = db;
        _actor = actor;
    }

    public async ValueTask<bool> Handle(OnOneTimePasswordQuery query, CancellationToken cancellationToken) =>
        await _db.Users.AnyAsync(u => u.Id == _actor.UserId && u.MustChangePassword, cancellationToken);
}
