using Microsoft.AspNetCore.Identity;
using Verivius.Infrastructure.Identity;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Users;

internal static class AdministeredUser
{
    /// <summary>A user of the admin's own provider; anyone else is not found, whether they exist or not.</summary>
    public static async Task<VeriviusUser> FindAsync(UserManager<VeriviusUser> users, SiteAccess access, string userId, CancellationToken cancellationToken)
    {
        var providerId = await access.AdministeredProviderAsync(cancellationToken);
        var user = await users.FindByIdAsync(userId);
        return user is not null && user.ProviderId == providerId
            ? user
            : throw new NotFoundException($"No user {userId} in your provider.");
    }
}
