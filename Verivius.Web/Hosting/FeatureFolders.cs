using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Verivius.Web.Hosting;

/// <summary>
/// Views live beside their controller in <c>Features/&lt;Feature&gt;/</c>: the convention records each
/// controller's feature folder from its namespace, and the expander looks for views there, then in Shared.
/// </summary>
public sealed class FeatureFolders : IControllerModelConvention, IViewLocationExpander
{
    private const string Key = "feature";
    private const string Marker = ".Features.";

    public void Apply(ControllerModel controller)
    {
        var ns = controller.ControllerType.Namespace ?? "";
        var at = ns.IndexOf(Marker, StringComparison.Ordinal);
        controller.Properties[Key] = at < 0 ? "" : ns[(at + Marker.Length)..].Replace('.', '/');
    }

    public void PopulateValues(ViewLocationExpanderContext context) =>
        context.Values[Key] = context.ActionContext.ActionDescriptor.Properties.TryGetValue(Key, out var feature)
            ? feature as string
            : null;

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(Key, out var feature) && !string.IsNullOrEmpty(feature))
        {
            yield return "/Features/" + feature + "/{0}.cshtml";
        }

        yield return "/Features/Shared/{0}.cshtml";
    }
}
