using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;

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
    public static async Task<List<ApproverCandidateVm>> CandidatesAsync(VeriviusDbContext db, Guid providerId, CancellationToken cancellationToken)
    {
        var nominated = ProviderPeople.InRoles(db, providerId, Roles.NominatedIndividual).Select(u => u.Id);
        return await ProviderPeople.InRoles(db, providerId, Roles.NominatedIndividual, Roles.ProviderAdmin)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new ApproverCandidateVm(u.Id, u.DisplayName.Length > 0 ? u.DisplayName + " (" + u.Email + ")" : u.Email!, nominated.Contains(u.Id)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How an approval names its approver's part: the nominated individual, or the approver the provider named.</summary>
    public static string Part(UserScope scope) => scope.IsIn(Roles.NominatedIndividual) ? "nominated individual" : "approver named by the provider";
}

/// <param name="IsNominated">The nominated individual, who approves whether named or not.</param>
public sealed record ApproverCandidateVm(string Id, string Name, bool IsNominated);
