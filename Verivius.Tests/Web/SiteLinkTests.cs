using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Tests.Support;
using Verivius.Web.Common;

namespace Verivius.Tests.Web;

/// <summary>A site's link put together from a route resolved once is the link routing gives for that site, whatever its code and reference hold.</summary>
public class SiteLinkTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public SiteLinkTests(PortalFactory factory) => _factory = factory;

    [Theory]
    [InlineData("OAK-01", "R-1")]
    [InlineData("oak 01", "R 1/2")]
    [InlineData("Ashby & Co", "ACT?7#b")]
    [InlineData("Cœur-Brière", "Ré:5%")]
    public void ALinkForASite_IsTheLinkRoutingGivesForIt(string siteCode, string reference)
    {
        var links = _factory.Services.GetRequiredService<LinkGenerator>();
        var http = new DefaultHttpContext { RequestServices = _factory.Services };

        foreach (var (action, controller, values, fragment) in new (string, string, Func<string, string, object>, string?)[]
        {
            ("Show", "Sites", (site, _) => new { siteCode = site }, null),
            ("Show", "Sites", (site, _) => new { siteCode = site }, "overdue"),
            ("Show", "Records", (site, value) => new { siteCode = site, kind = "recovery", reference = value }, null),
            ("Site", "Challenges", (site, value) => new { siteCode = site, record = $"Recovery:{value}" }, null),
            ("Index", "Provider", (site, value) => new { site, area = value }, "recovery-map"),
        })
        {
            var expected = links.GetPathByAction(http, action, controller, values(siteCode, reference), fragment: fragment is null ? default : new FragmentString("#" + fragment));

            Assert.Equal(expected, SiteLink.To(links, http, action, controller, values, fragment).For(siteCode, reference));
        }
    }
}
