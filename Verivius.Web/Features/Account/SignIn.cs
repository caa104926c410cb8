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

    /// <summary>Unknown, disabled, locked or the wrong password: one answer, so none of these can be told apart.</summary>
    Refused,
}

internal sealed class SignInHandler : ICommandHandler<SignInCommand, SignInResult>
{
    // A hash of nothing anyone knows, made once with the portal's own settings: checking a password
    // against it costs what checking a real one costs.
    private static string? _dummyHash;

    private readonly UserManager<VeriviusUser> _users;
    private readonly SignInManager<VeriviusUser> _signIn;
    private readonly SignedInSessions _sessions;

    public SignInHandler(UserManager<VeriviusUser> users, SignInManager<VeriviusUser> signIn, SignedInSessions sessions)
    {
        _users = users;
        _signIn = signIn;
        _sessions = sessions;
    }

    public async ValueTask<SignInResult> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var user = await _users.FindByEmailAsync(command.Email.Trim());

        // An unknown email, a disabled account and a locked one each cost one password check, as a
        // known one does, so neither the answer nor its timing says which emails have accounts.
        if (user is null || user.IsDisabled || await _users.IsLockedOutAsync(user))
        {
            CheckAgainstNothing(command.Password);
            return SignInResult.Refused;
        }

        var check = await _signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            return SignInResult.Refused;
        }

        await _sessions.SignInAsync(user, cancellationToken);
        return user.MustChangePassword ? SignInResult.MustChangePassword : SignInResult.SignedIn;
    }

    private void CheckAgainstNothing(string password)
    {
        var hasher = _users.PasswordHasher;
        _dummyHash ??= hasher.HashPassword(new VeriviusUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new VeriviusUser(), _dummyHash, password);
    }
}
