using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Verivius.Web.Hosting;

public static class RootAppSettings
{
    /// <summary>
    /// Reads the repository root's appsettings.json (linked into the build output) in the place the
    /// default appsettings.json would have had, so environment variables and the command line still
    /// override it, wherever the portal was started from.
    /// </summary>
    public static void UseRootAppSettings(this ConfigurationManager configuration)
    {
        var source = new JsonConfigurationSource
        {
            Path = "appsettings.json",
            Optional = false,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        };
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var defaultAt = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: "appsettings.json" });
        if (defaultAt >= 0)
        {
            sources[defaultAt] = source;
        }
        else
        {
            sources.Insert(0, source);
        }
    }
}
