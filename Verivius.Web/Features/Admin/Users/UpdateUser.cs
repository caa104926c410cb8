using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Users;

/// <summary>Changes a provider user's name, roles and sites in one transaction.</summary>
public sealed record UpdateUserCommand(string UserId, string? DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> SiteCodes) : ICommand<Outcome>;

internal sealed class UpdateUserHandler : ICommandHandler<UpdateUserCommand, Outcome>
{
    private readonly VeriviusDbContext _db;
    private readonly UserManager<VeriviusUser> _users;
    private readonly SiteAccess _access;
    private readonly SignedInSessions _sessions;

    public UpdateUserHandler(VeriviusDbContext db, UserManager<VeriviusUser> users, SiteAccess access, SignedInSessions sessions)
    {
        _db = db;
        _users = users;
        _access = access;
        _sessions = sessions;
    }

    public async ValueTask<Outcome> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await AdministeredUser.FindAsync(_users, _access, command.UserId, cancellationToken);
        var scope = await _access.ScopeAsync(cancellationToken);
        var roles = command.Roles.Select(r => Domain.Access.Roles.Find(r) ?? r).Distinct().ToList();
        var problems = UserSiteRules.CheckRoles(roles, "Roles");
        if (roles.Contains(Domain.Access.Roles.Commissioner))
        {
            problems.Add(new FieldProblem("Roles", "A provider's user cannot become a commissioner; create a separate commissioner account."));
        }

        if (user.Id == scope.UserId && !roles.Contains(Domain.Access.Roles.ProviderAdmin))
        {
            problems.Add(new FieldProblem("Roles", "You cannot remove your own provider admin role; ask another admin."));
        }

        var (siteIds, siteProblems) = await UserSiteRules.ResolveSitesAsync(
            _db, command.SiteCodes, roles, user.ProviderId, scope, "Sites", cancellationToken);
        problems.AddRange(siteProblems);
        if (problems.Count > 0)
        {
            return Outcome.Refused(problems);
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(command.DisplayName))
        {
            user.DisplayName = command.DisplayName.Trim();
            await _users.UpdateAsync(user);
        }

        var current = await _users.GetRolesAsync(user);
        await _users.RemoveFromRolesAsync(user, current.Except(roles));
        await _users.AddToRolesAsync(user, roles.Except(current));

        var assignments = await _db.SiteAssignments.Where(a => a.UserId == user.Id).ToListAsync(cancellationToken);
        var removed = assignments.Where(a => !siteIds.Contains(a.SiteId)).ToList();
        var added = siteIds.Where(id => assignments.All(a => a.SiteId != id)).ToList();
        _db.SiteAssignments.RemoveRange(removed);
        _db.SiteAssignments.AddRange(added.Select(id => new SiteAssignment(user.Id, id, SiteAssignmentKind.Manages)));
        await _db.SaveChangesAsync(cancellationToken);

        // Sessions signed in with the old roles or sites end at once (the admin's own session aside).
        if (removed.Count > 0 || added.Count > 0 || !current.ToHashSet().SetEquals(roles))
        {
            await _sessions.EndOthersAsync(user.Id, "roles or sites changed", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
