using Mediator;
using Microsoft.AspNetCore.Identity;
using Verivius.Infrastructure.Identity;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Account;

public sealed record SignInCommand(string Email, string Password) : ICommand<SignInResult>;

public enum SignInResult
{
    SignedIn,
    MustChangePassword,
    LockedOut,
    Refused,
}

internal sealed class SignInHandler : ICommandHandler<SignInCommand, SignInResult>
{
    private readonly UserManager<VeriviusUser> _users;
    private readonly SignInManager<VeriviusUser> _signIn;
    private readonly TimeProvider _clock;

    public SignInHandler(UserManager<VeriviusUser> users, SignInManager<VeriviusUser> signIn, TimeProvider clock)
    {
        _users = users;
        _signIn = signIn;
        _clock = clock;
    }

    public async ValueTask<SignInResult> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var user = await _users.FindByEmailAsync(command.Email.Trim());

        // One answer for an unknown email, a wrong password and a disabled account, so the form cannot
        // be used to find out which emails have accounts.
        if (user is null || user.IsDisabled)
        {
            return SignInResult.Refused;
        }

        var check = await _signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return SignInResult.LockedOut;
        }

        if (!check.Succeeded)
        {
            return SignInResult.Refused;
        }

        await _signIn.SignInWithClaimsAsync(user, SessionLimits.StartedAt(_clock.GetUtcNow()), []);
        return user.MustChangePassword ? SignInResult.MustChangePassword : SignInResult.SignedIn;
    }
}
