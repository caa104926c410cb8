using System.CommandLine;
using Microsoft.EntityFrameworkCore;
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
        var command = new Command("load-framework", "Load a version of the assessment framework; a version not held yet becomes the current one.") { file };
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
                var current = await db.Frameworks.Where(f => f.IsCurrent).Select(f => new { f.Name, f.Version }).SingleAsync(cancellationToken);
                await console.Out.WriteLineAsync(loaded
                    ? $"Loaded {current.Name}, version {current.Version}; it is now the current framework."
                    : $"That version is held already; the current framework is {current.Name}, version {current.Version}.");
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
}
