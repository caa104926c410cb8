using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Common;

/// <summary>The enabled people of a provider who hold a role: its nominated individual, its admins.</summary>
internal static class ProviderPeople
{
    public static IQueryable<VeriviusUser> InRoles(VeriviusDbContext db, Guid providerId, params string[] roles) =>
        db.Users.Where(user => user.ProviderId == providerId && !user.IsDisabled
            && db.UserRoles.Any(link => link.UserId == user.Id && db.Roles.Any(role => role.Id == link.RoleId && roles.Contains(role.Name!))));

}
