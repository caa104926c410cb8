using System.ComponentModel.DataAnnotations;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Users;

/// <summary>
/// Creates a user with roles and sites, all or nothing. Without a password it e-mails an invitation
/// with a link to choose one, saved with the user; with mail off it issues a one-time password instead,
/// which must be changed at first sign-in. A provider admin creates users in their own provider; an
/// operator names the provider.
/// </summary>
public sealed record CreateUserCommand(
    string Email,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> SiteCodes,
    string? ProviderName = null,
    string? Organisation = null,
    string? Password = null) : ICommand<Outcome<CreatedUser>>;

/// <summary>The new user; the one-time password (when mail is off) is shown once and never stored in clear.</summary>
/// <param name="LinkSent">An invitation with a link to choose a password is on its way instead of a one-time password.</param>
public sealed record CreatedUser(string UserId, string Email, string? OneTimePassword, bool LinkSent = false);

internal sealed class CreateUserHandler : ICommandHandler<CreateUserCommand, Outcome<CreatedUser>>
{
    private readonly VeriviusDbContext _db;
    private readonly UserManager<VeriviusUser> _users;
    private readonly SiteAccess _access;
    private readonly PasswordLinks _links;

    public CreateUserHandler(VeriviusDbContext db, UserManager<VeriviusUser> users, SiteAccess access, PasswordLinks links)
    {
        _db = db;
        _users = users;
        _access = access;
        _links = links;
    }

    public async ValueTask<Outcome<CreatedUser>> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        var roles = command.Roles.Select(r => Domain.Access.Roles.Find(r) ?? r).Distinct().ToList();
        var problems = UserSiteRules.CheckRoles(roles, "Roles");
        var email = command.Email.Trim();
        if (!new EmailAddressAttribute().IsValid(email) || email.Length == 0)
        {
            problems.Add(new FieldProblem("Email", $"\"{email}\" is not an email address."));
        }
        else if (await _users.FindByEmailAsync(email) is not null)
        {
            problems.Add(new FieldProblem("Email", $"There is already a user with the email {email}."));
        }

        var isCommissioner = roles.Contains(Domain.Access.Roles.Commissioner);
        var providerId = await ProviderForAsync(command, scope, isCommissioner, problems, cancellationToken);
        var (siteIds, siteProblems) = await UserSiteRules.ResolveSitesAsync(
            _db, command.SiteCodes, roles, providerId, scope, "Sites", cancellationToken);
        problems.AddRange(siteProblems);
        if (isCommissioner && !scope.IsOperator && siteIds.Count == 0 && siteProblems.Count == 0)
        {
            problems.Add(new FieldProblem("Sites", "Grant a commissioner at least one of your sites, or they would see nothing."));
        }

        if (problems.Count > 0)
        {
            return Outcome<CreatedUser>.Refused(problems);
        }

        var user = new VeriviusUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? email.Split('@')[0] : command.DisplayName.Trim(),
            ProviderId = isCommissioner ? null : providerId,
            Organisation = string.IsNullOrWhiteSpace(command.Organisation) ? null : command.Organisation.Trim(),
            MustChangePassword = command.Password is null,
        };
        var password = command.Password ?? OneTimePasswords.New();
        var invite = command.Password is null && _links.CanSend;

        if (invite)
        {
            _links.PrepareToSign();
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var created = await _users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Outcome<CreatedUser>.Refused(created.Errors.Select(e => new FieldProblem(
                e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : "Email", e.Description)).ToList());
        }

        await _users.AddToRolesAsync(user, roles);
        var kind = UserSiteRules.KindFor(roles);
        _db.SiteAssignments.AddRange(siteIds.Select(siteId => new SiteAssignment(user.Id, siteId, kind)));
        if (invite)
        {
            var invitedBy = providerId is { } id ? await _db.Providers.Where(p => p.Id == id).Select(p => p.Name).FirstAsync(cancellationToken) : null;
            await _links.SendAsync(_db, user, PasswordLinkKind.Invitation, invitedBy is null
                ? "You have an account on Verivius, the portal where care providers keep their Well-led evidence."
                : $"{invitedBy} has given you an account on Verivius, the portal where it keeps its Well-led evidence.", cancellationToken);
        }

        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // An invited user's random first password is never shown: the link is how they choose their own.
        return Outcome<CreatedUser>.Of(new CreatedUser(user.Id, email, command.Password is null && !invite ? password : null, invite));
    }

    private async Task<Guid?> ProviderForAsync(
        CreateUserCommand command, UserScope scope, bool isCommissioner, List<FieldProblem> problems, CancellationToken cancellationToken)
    {
        if (!scope.IsOperator)
        {
            return await _access.AdministeredProviderAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(command.ProviderName))
        {
            if (!isCommissioner)
            {
                problems.Add(new FieldProblem("Provider", "Name the provider this user works for."));
            }

            return null;
        }

        var name = command.ProviderName.Trim();
        var providerId = await _db.Providers.Where(p => p.Name == name).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (providerId is null)
        {
            problems.Add(new FieldProblem("Provider", $"There is no provider called \"{name}\"."));
        }

        return providerId;
    }
}
