using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;

namespace Verivius.Web.Features.Admin.Users;

/// <summary>The checks on roles and sites that creating and editing a user share.</summary>
internal static class UserSiteRules
{
    public static List<FieldProblem> CheckRoles(IReadOnlyList<string> roles, string field)
    {
        var problems = new List<FieldProblem>();
        if (roles.Count == 0)
        {
            problems.Add(new FieldProblem(field, $"Choose at least one role: {Roles.ValidList}."));
        }

        foreach (var unknown in roles.Where(r => Roles.Find(r) is null))
        {
            problems.Add(new FieldProblem(field, $"\"{unknown}\" is not a role; use {Roles.ValidList}."));
        }

        if (roles.Contains(Roles.Commissioner) && roles.Count > 1)
        {
            problems.Add(new FieldProblem(field, "A commissioner works outside the provider, so cannot also hold a provider role."));
        }

        return problems;
    }

    /// <summary>
    /// Resolves site codes to the sites this user may be tied to: a registered manager's sites must be
    /// of their own provider; a commissioner's grants of any provider the actor administers.
    /// </summary>
    public static async Task<(List<Guid> SiteIds, List<FieldProblem> Problems)> ResolveSitesAsync(
        VeriviusDbContext db, IReadOnlyList<string> siteCodes, IReadOnlyList<string> roles, Guid? providerId, UserScope actor, string field, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        var codes = siteCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (codes.Count > 0 && !roles.Contains(Roles.RegisteredManager) && !roles.Contains(Roles.Commissioner))
        {
            problems.Add(new FieldProblem(field, "Sites are assigned to registered managers and granted to commissioners; this user has neither role."));
            return ([], problems);
        }

        var found = await db.Sites.AsNoTracking().Where(s => codes.Contains(s.Code))
            .Select(s => new { s.Id, s.Code, s.ProviderId }).ToListAsync(cancellationToken);
        var ids = new List<Guid>();
        foreach (var code in codes)
        {
            var site = found.FirstOrDefault(s => s.Code == code);
            var allowedProvider = roles.Contains(Roles.Commissioner) && actor.IsOperator ? site?.ProviderId : providerId;
            if (site is null || site.ProviderId != allowedProvider)
            {
                problems.Add(new FieldProblem(field, $"There is no site {code} in this provider."));
            }
            else
            {
                ids.Add(site.Id);
            }
        }

        return (ids, problems);
    }

    public static SiteAssignmentKind KindFor(IReadOnlyList<string> roles) =>
        roles.Contains(Roles.Commissioner) ? SiteAssignmentKind.Commissions : SiteAssignmentKind.Manages;
}
