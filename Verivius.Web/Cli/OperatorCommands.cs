using System.CommandLine;
using Verivius.Web.Hosting;

namespace Verivius.Web.Cli;

/// <summary>
/// The operators' verbs: <c>dotnet run --project Verivius.Web -- &lt;verb&gt;</c> runs one against the
/// configured database instead of starting the server. Each verb goes through the same handlers as the
/// portal, and exits non-zero with a plain message when it cannot do what was asked.
/// </summary>
public static class OperatorCommands
{
    /// <summary>A verb, or a request for help; anything else (such as <c>--urls</c>) is for the web host.</summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?" or "--version");

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextReader? input = null)
    {
        var console = new VerbConsole(output ?? Console.Out, Console.Error, input ?? Console.In);
        var root = new RootCommand("Verivius operator commands. Each runs against the database in appsettings.json (or ConnectionStrings__Verivius).");
        foreach (var verb in Verbs.All(console))
        {
            root.Subcommands.Add(verb);
        }

        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }

    /// <summary>The host the verbs run in: the portal's own services, quiet, with no server started.</summary>
    internal static async Task<WebApplication> BuildHostAsync(bool migrate)
    {
        var builder = PortalHost.CreateBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        var app = builder.Build();
        if (migrate)
        {
            await app.Services.PrepareDatabaseAsync(announce: false);
        }

        return app;
    }
}

/// <summary>Where a verb writes and reads, so tests can run verbs and read what they printed.</summary>
public sealed record VerbConsole(TextWriter Out, TextWriter Error, TextReader In);
