using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Features.Documents;

/// <summary>
/// Who approves, redrafts and withdraws a provider's outward documents: its nominated individual, and
/// the one approver the provider may name beside them from the people who read all its documents.
/// </summary>
internal static class DocumentApprovers
{
    public static async Task<bool> MayReviewAsync(VeriviusDbContext db, UserScope scope, Guid providerId, CancellationToken cancellationToken) =>
        scope.ProviderId == providerId
        && (scope.IsIn(Roles.NominatedIndividual) || await db.Providers.AnyAsync(p => p.Id == providerId && p.DocumentApproverId == scope.UserId, cancellationToken));

    /// <summary>Who may be named: the provider's enabled users who read every document of it (its nominated individual and admins), by name.</summary>
    public static async Task<List<ApproverCandidateVm>> CandidatesAsync(VeriviusDbContext db, Guid providerId, CancellationToken cancellationToken) =>
        [.. (await (from user in db.Users
               where user.ProviderId == providerId && !user.IsDisabled
               join link in db.UserRoles on user.Id equals link.UserId
               join role in db.Roles on link.RoleId equals role.Id
               where role.Name == Roles.NominatedIndividual || role.Name == Roles.ProviderAdmin
               orderby user.DisplayName, user.Email
               select new ApproverCandidateVm(user.Id, user.DisplayName.Length > 0 ? $"{user.DisplayName} ({user.Email})" : user.Email!, role.Name == Roles.NominatedIndividual))
            .ToListAsync(cancellationToken))
            .OrderByDescending(c => c.IsNominated)
            .DistinctBy(c => c.Id)
            .OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>How an approval names its approver's part: the nominated individual, or the approver the provider named.</summary>
    public static string Part(UserScope scope) => scope.IsIn(Roles.NominatedIndividual) ? "nominated individual" : "approver named by the provider";
}

/// <param name="IsNominated">The nominated individual, who approves whether named or not.</param>
public sealed record ApproverCandidateVm(string Id, string Name, bool IsNominated);
