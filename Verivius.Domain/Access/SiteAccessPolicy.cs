namespace Verivius.Domain.Access;

/// <summary>
/// The one place that decides whether a person may read or change a site. Every handler asks it; the
/// queries are also filtered by the same scope, so a slip in one line of defence is caught by the other.
/// </summary>
public static class SiteAccessPolicy
{
    public static bool CanRead(UserScope scope, SiteRef site)
    {
        if (scope.IsOperator || (scope.SeesWholeProvider && scope.ProviderId == site.ProviderId))
        {
            return true;
        }

        if (scope.IsIn(Roles.RegisteredManager) && scope.ManagedSiteIds.Contains(site.SiteId))
        {
            return true;
        }

        return scope.IsIn(Roles.Commissioner) && scope.CommissionedSiteIds.Contains(site.SiteId);
    }

    /// <summary>
    /// Changing a site's records (uploading a pack, editing its recovery map) is for the people who run
    /// it: its registered managers, and the provider's nominated individual and admins. Commissioners
    /// only ever read. An inactive site takes no new records from anyone.
    /// </summary>
    public static bool CanChange(UserScope scope, SiteRef site)
    {
        if (!site.IsActive)
        {
            return false;
        }

        if (scope.IsOperator || (scope.SeesWholeProvider && scope.ProviderId == site.ProviderId))
        {
            return true;
        }

        return scope.IsIn(Roles.RegisteredManager)
            && scope.ProviderId == site.ProviderId
            && scope.ManagedSiteIds.Contains(site.SiteId);
    }

    /// <summary>
    /// Challenges, and the site's answers to them, are the provider's own governance: the people who run
    /// the site and the provider see them; a commissioner never does, whatever else they may read.
    /// </summary>
    public static bool CanSeeChallenges(UserScope scope, SiteRef site) => CanRead(scope.WithoutCommissioning(), site);

    /// <summary>
    /// Accepting, escalating and closing challenges, and raising one by hand, are the nominated
    /// individual's decisions for their own provider's sites.
    /// </summary>
    public static bool CanDecideChallenges(UserScope scope, SiteRef site) =>
        scope.IsIn(Roles.NominatedIndividual) && scope.ProviderId == site.ProviderId;

    /// <summary>Only a provider admin runs a provider's users, sites and settings.</summary>
    public static bool CanAdminister(UserScope scope, Guid providerId) =>
        scope.IsOperator || (scope.IsIn(Roles.ProviderAdmin) && scope.ProviderId == providerId);
}
