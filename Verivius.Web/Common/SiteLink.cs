using System.Text.Encodings.Web;

namespace Verivius.Web.Common;

/// <summary>
/// A link to the same page for each of many sites, for the views that list hundreds of them: the route is
/// resolved once, with stand-ins for a site's code and one other value, and each site's link puts its own
/// values in their places instead of asking routing again (about a sixth of a kept provider view's time went
/// on routing its several hundred links). Routing stays the only place a page's address is written.
/// </summary>
public sealed class SiteLink
{
    private const string SiteStandIn = "verivius-site-code-stand-in";
    private const string ValueStandIn = "verivius-value-stand-in";

    private readonly string _template;

    private SiteLink(string template) => _template = template;

    /// <summary>
    /// The link to <paramref name="action"/> of <paramref name="controller"/> with the route values that
    /// <paramref name="values"/> makes of a site's code and one other value.
    /// </summary>
    public static SiteLink To(LinkGenerator links, HttpContext http, string action, string controller, Func<string, string, object> values, string? fragment = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(values);
        var template = links.GetPathByAction(http, action, controller, values(SiteStandIn, ValueStandIn), fragment: fragment is null ? default : new FragmentString("#" + fragment))
            ?? throw new InvalidOperationException($"There is no route to {controller}.{action} for a site.");
        return new SiteLink(template);
    }

    /// <summary>The link for one site, and the other value where the link has one.</summary>
    public string For(string siteCode, string value = "") =>
        _template.Replace(SiteStandIn, UrlEncoder.Default.Encode(siteCode), StringComparison.Ordinal)
            .Replace(ValueStandIn, UrlEncoder.Default.Encode(value), StringComparison.Ordinal);
}
