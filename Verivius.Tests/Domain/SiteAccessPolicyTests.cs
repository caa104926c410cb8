using Verivius.Domain.Access;

namespace Verivius.Tests.Domain;

public class SiteAccessPolicyTests
{
    private static readonly Guid OurProvider = Guid.NewGuid();
    private static readonly Guid OtherProvider = Guid.NewGuid();
    private static readonly SiteRef OurSite = new(Guid.NewGuid(), OurProvider, IsActive: true);
    private static readonly SiteRef OurOtherSite = new(Guid.NewGuid(), OurProvider, IsActive: true);
    private static readonly SiteRef OurInactiveSite = new(Guid.NewGuid(), OurProvider, IsActive: false);
    private static readonly SiteRef TheirSite = new(Guid.NewGuid(), OtherProvider, IsActive: true);

    private static UserScope Scope(string role, Guid? provider, Guid[]? managed = null, Guid[]? commissioned = null) =>
        new("user", new HashSet<string> { role }, provider, (managed ?? []).ToHashSet(), (commissioned ?? []).ToHashSet());

    [Theory]
    [InlineData(Roles.NominatedIndividual)]
    [InlineData(Roles.ProviderAdmin)]
    public void WholeProviderRoles_ReadAndChangeEverySiteOfTheirProvider_AndNoOtherProvidersSite(string role)
    {
        var scope = Scope(role, OurProvider);

        Assert.True(SiteAccessPolicy.CanRead(scope, OurSite));
        Assert.True(SiteAccessPolicy.CanChange(scope, OurOtherSite));
        Assert.False(SiteAccessPolicy.CanRead(scope, TheirSite));
        Assert.False(SiteAccessPolicy.CanChange(scope, TheirSite));
    }

    [Fact]
    public void RegisteredManager_ReadsAndChangesOnlyTheSitesAssignedToThem()
    {
        var scope = Scope(Roles.RegisteredManager, OurProvider, managed: [OurSite.SiteId]);

        Assert.True(SiteAccessPolicy.CanRead(scope, OurSite));
        Assert.True(SiteAccessPolicy.CanChange(scope, OurSite));
        Assert.False(SiteAccessPolicy.CanRead(scope, OurOtherSite));
        Assert.False(SiteAccessPolicy.CanChange(scope, OurOtherSite));
    }

    [Fact]
    public void Commissioner_ReadsGrantedSitesAcrossProviders_ButNeverChangesThem()
    {
        var scope = Scope(Roles.Commissioner, null, commissioned: [OurSite.SiteId, TheirSite.SiteId]);

        Assert.True(SiteAccessPolicy.CanRead(scope, OurSite));
        Assert.True(SiteAccessPolicy.CanRead(scope, TheirSite));
        Assert.False(SiteAccessPolicy.CanRead(scope, OurOtherSite));
        Assert.False(SiteAccessPolicy.CanChange(scope, OurSite));
    }

    [Fact]
    public void SiteTiesWithoutTheRole_GiveNoAccess()
    {
        // A grant left behind after the commissioner role was taken away must not still open the site.
        var scope = Scope(Roles.NominatedIndividual, OtherProvider, managed: [OurSite.SiteId], commissioned: [OurSite.SiteId]);

        Assert.False(SiteAccessPolicy.CanRead(scope, OurSite));
    }

    [Fact]
    public void InactiveSite_CanBeReadButTakesNoChangesFromAnyone()
    {
        var ni = Scope(Roles.NominatedIndividual, OurProvider);

        Assert.True(SiteAccessPolicy.CanRead(ni, OurInactiveSite));
        Assert.False(SiteAccessPolicy.CanChange(ni, OurInactiveSite));
        Assert.False(SiteAccessPolicy.CanChange(UserScope.Operator, OurInactiveSite));
    }

    [Fact]
    public void OnlyTheProvidersOwnAdmin_Administers()
    {
        Assert.True(SiteAccessPolicy.CanAdminister(Scope(Roles.ProviderAdmin, OurProvider), OurProvider));
        Assert.False(SiteAccessPolicy.CanAdminister(Scope(Roles.ProviderAdmin, OtherProvider), OurProvider));
        Assert.False(SiteAccessPolicy.CanAdminister(Scope(Roles.NominatedIndividual, OurProvider), OurProvider));
    }

    [Fact]
    public void Nobody_ReachesNothing()
    {
        Assert.False(SiteAccessPolicy.CanRead(UserScope.Nobody, OurSite));
        Assert.False(SiteAccessPolicy.CanAdminister(UserScope.Nobody, OurProvider));
    }
}
