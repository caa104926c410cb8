using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Frameworks;
using Verivius.Infrastructure.Frameworks;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;

namespace Verivius.Web.Cli;

/// <summary>Loading a new version of CQC's assessment framework from its data file.</summary>
internal static class FrameworkVerbs
{
    public static Command LoadFramework(VerbConsole console)
    {
        var file = new Option<FileInfo>("--file") { Description = "The framework's JSON file (the shape of Verivius.Infrastructure/Frameworks/cqc-well-led-2024-12.json).", Required = true };
        var command = new Command("load-framework", "Load a version of the assessment framework; a version not held yet becomes the current one, or is held as a draft if its file says \"status\": \"draft\".") { file };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var json = parsed.GetValue(file)!;
            if (!json.Exists)
            {
                await console.Error.WriteLineAsync($"There is no file {json.FullName}.");
                return 1;
            }

            await using var app = await OperatorCommands.BuildHostAsync(migrate: true);
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator();
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            try
            {
                await using var stream = json.OpenRead();
                var loaded = await FrameworkFile.LoadAsync(db, stream, cancellationToken);
                var current = await db.Frameworks.Where(f => f.Status == FrameworkStatus.Current).Select(f => new { f.Name, f.Version }).SingleAsync(cancellationToken);
                var drafts = await db.Frameworks.Where(f => f.Status == FrameworkStatus.Draft).Select(f => f.Version).ToListAsync(cancellationToken);
                var held = drafts.Count == 0 ? "" : $" Drafts held for providers preparing for them: {string.Join(", ", drafts)}.";
                await console.Out.WriteLineAsync((loaded ? "Loaded. " : "That version is held already; nothing changed. ") + $"The current framework is {current.Name}, version {current.Version}.{held}");
                return 0;
            }
            catch (InvalidDataException invalid)
            {
                await console.Error.WriteLineAsync(invalid.Message);
                return 1;
            }
        });
        return command;
    }

    public static Command UseFramework(VerbConsole console)
    {
        var version = new Option<string>("--version") { Description = "A version already held, as load-framework printed it (2024-12, 2026-03-draft).", Required = true };
        var command = new Command("use-framework", "Make a held version of the assessment framework the current one for every provider that has not chosen its own; the one it replaces is retired.") { version };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var app = await OperatorCommands.BuildHostAsync(migrate: true);
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator();
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var chosen = parsed.GetValue(version)!.Trim();
            if (await FrameworkFile.MakeCurrentAsync(db, chosen, cancellationToken) is { } refused)
            {
                await console.Error.WriteLineAsync(refused);
                return 1;
            }

            await console.Out.WriteLineAsync($"Version {chosen} is now the current framework; providers that chose their own version keep it.");
            return 0;
        });
        return command;
    }
}
