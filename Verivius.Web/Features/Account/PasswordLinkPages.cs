using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Account;

/// <summary>Whether a link to choose a password still works (its page then shows the form, or says to ask for another).</summary>
public sealed record CheckPasswordLinkQuery(string UserId, PasswordLinkKind For, string Token) : IQuery<bool>;

/// <summary>Sets the password a link was sent for, spends the link, ends the account's other sessions and signs the person in.</summary>
public sealed record ChoosePasswordCommand(string UserId, PasswordLinkKind For, string Token, string NewPassword, string ConfirmPassword) : ICommand<Outcome>;

/// <summary>
/// Someone forgot their password: an enabled account with this address is e-mailed a link, within the
/// hourly limit. The answer is the same whether or not the address has an account.
/// </summary>
public sealed record AskForPasswordLinkCommand(string Email) : ICommand;

/// <summary>Whether this portal sends mail, so the forgotten-password page can offer a link or send people to their admin.</summary>
public sealed record MailIsOnQuery : IQuery<bool>;

public sealed class ChoosePasswordVm : NewPasswordFields
{
    public string UserId { get; set; } = "";

    public PasswordLinkKind For { get; set; }

    public string Token { get; set; } = "";

    /// <summary>False when the link has been used, has expired or was never good: the page then offers a new one.</summary>
    public bool LinkWorks { get; set; } = true;
}

public sealed class ForgotPasswordVm
{
    [Required(ErrorMessage = "Enter the e-mail address you sign in with.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@example.org.")]
    [Display(Name = "E-mail address")]
    public string Email { get; set; } = "";

    /// <summary>Set once the form is sent: the page then says what happens next, whatever the address.</summary>
    public bool Asked { get; set; }

    /// <summary>Whether this portal sends mail at all; without it, only an admin can reset a password.</summary>
    public bool MailIsOn { get; set; } = true;
}

internal sealed class PasswordLinkHandlers :
    IQueryHandler<CheckPasswordLinkQuery, bool>,
    IQueryHandler<MailIsOnQuery, bool>,
    ICommandHandler<ChoosePasswordCommand, Outcome>,
    ICommandHandler<AskForPasswordLinkCommand>
{
    private readonly VeriviusDbContext _db;
    private readonly UserManager<VeriviusUser> _users;
    private readonly PasswordLinks _links;
    private readonly SignedInSessions _sessions;

    public PasswordLinkHandlers(VeriviusDbContext db, UserManager<VeriviusUser> users, PasswordLinks links, SignedInSessions sessions)
    {
        _db = db;
        _users = users;
        _links = links;
        _sessions = sessions;
    }

    public async ValueTask<bool> Handle(CheckPasswordLinkQuery query, CancellationToken cancellationToken) =>
        await _users.FindByIdAsync(query.UserId) is { } user && await _links.WorksAsync(user, query.For, query.Token);

    public ValueTask<bool> Handle(MailIsOnQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(_links.CanSend);

    public async ValueTask<Outcome> Handle(ChoosePasswordCommand command, CancellationToken cancellationToken)
    {
        if (command.NewPassword != command.ConfirmPassword)
        {
            return Outcome.Refused(nameof(command.ConfirmPassword), "The two new passwords are not the same.");
        }

        var user = await _users.FindByIdAsync(command.UserId);
        if (user is null)
        {
            return Outcome.Refused("", "This link has been used or has expired.");
        }

        var chosen = await _links.ChooseAsync(user, command.For, command.Token, command.NewPassword);
        if (!chosen.Succeeded)
        {
            return Outcome.Refused(chosen.Errors.Select(e => new FieldProblem(
                e.Code == "InvalidToken" ? "" : nameof(command.NewPassword),
                e.Code == "InvalidToken" ? "This link has been used or has expired." : e.Description)).ToList());
        }

        user.MustChangePassword = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await _users.UpdateAsync(user);

        // Whoever was signed in with the old password is signed out; the person carries on in a new session.
        await _sessions.EndAllAsync(user.Id, "password chosen from an e-mailed link", cancellationToken);
        await _sessions.SignInAsync(user, cancellationToken);
        return Outcome.Done;
    }

    public async ValueTask<Unit> Handle(AskForPasswordLinkCommand command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim();
        if (_links.CanSend && await _users.FindByEmailAsync(email) is { IsDisabled: false } user
            && !await _links.ResetLimitReachedAsync(_db, user.Email!, cancellationToken))
        {
            await _links.SendAsync(_db, user, PasswordLinkKind.Reset, "Someone, we hope you, asked for a link to choose a new Verivius password for this address.", cancellationToken);
            await _db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
