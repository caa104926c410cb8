using Verivius.Infrastructure;

namespace Verivius.Web.Hosting;

/// <summary>Builds the one host that both serves the portal and runs the operators' command-line verbs.</summary>
public static class PortalHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.UseRootAppSettings();
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddPortal(builder.Configuration, builder.Environment);
        builder.Services.AddScheduling(builder.Configuration, builder.Environment.ContentRootPath);
        return builder;
    }
}
