using System.CommandLine;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.History;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Features.Admin.History;
using Verivius.Web.Features.Admin.Providers;
using Verivius.Web.Features.Admin.Sites;
using Verivius.Web.Features.Admin.Users;
using Verivius.Web.Security;

namespace Verivius.Web.Cli;

internal static class Verbs
{
    public static IEnumerable<Command> All(VerbConsole console)
    {
        yield return Migrate(console);
        yield return CreateProvider(console);
        yield return CreateUser(console);
        yield return ImportSites(console);
        yield return ImportRatings(console);
        yield return VerifyHistory(console);
        yield return CheckpointHistory(console);
        yield return VerifyStorage(console);
        yield return RebuildFigures(console);
        yield return PackVerbs.ImportPack(console);
        yield return PackVerbs.Packs(console);
        yield return ChallengeVerbs.Challenges(console);
        yield return ChallengeVerbs.RunChallenges(console);
        yield return ScaleVerbs.SeedScale(console);
        yield return DocumentVerbs.Generate(console);
        yield return TrailVerbs.TrailAudit(console);
        yield return FrameworkVerbs.LoadFramework(console);
        yield return FrameworkVerbs.UseFramework(console);
    }

    private static Command Migrate(VerbConsole console)
    {
        var command = new Command("migrate", "Apply every pending database migration (also when Database:MigrateOnStartup is off).");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var app = await OperatorCommands.BuildHostAsync(migrate: false);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            await console.Out.WriteLineAsync(pending.Count == 0
                ? "The database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            return 0;
        });
        return command;
    }

    private static Command CreateProvider(VerbConsole console)
    {
        var name = new Option<string>("--name") { Description = "The provider's name, as registered with CQC.", Required = true };
        var command = new Command("create-provider", "Register a new provider.") { name };
        command.SetAction((parsed, cancellationToken) => AsOperator(console, async mediator =>
        {
            var outcome = await mediator.Send(new CreateProviderCommand(parsed.GetValue(name)!), cancellationToken);
            return Report(console, outcome, () => $"Created provider \"{parsed.GetValue(name)!.Trim()}\".");
        }));
        return command;
    }

    private static Command CreateUser(VerbConsole console)
    {
        var email = new Option<string>("--email") { Description = "The person's email address; they sign in with it.", Required = true };
        var role = new Option<string>("--role") { Description = "ProviderAdmin, NominatedIndividual, RegisteredManager or Commissioner.", Required = true };
        var provider = new Option<string?>("--provider") { Description = "The provider's name (not needed for a commissioner)." };
        var sites = new Option<string?>("--sites") { Description = "CQC location IDs, comma-separated: a registered manager's sites or a commissioner's grants." };
        var displayName = new Option<string?>("--name") { Description = "The person's name as shown in the portal." };
        var organisation = new Option<string?>("--organisation") { Description = "A commissioner's organisation." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of issuing a one-time password." };
        var command = new Command("create-user", "Create a user; prints a one-time password unless one is given on standard input.")
        {
            email, role, provider, sites, displayName, organisation, passwordStdin,
        };
        command.SetAction((parsed, cancellationToken) => AsOperator(console, async mediator =>
        {
            string? password = null;
            if (parsed.GetValue(passwordStdin))
            {
                password = (await console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
                if (string.IsNullOrEmpty(password))
                {
                    await console.Error.WriteLineAsync("--password-stdin was given but standard input held no password.");
                    return 1;
                }
            }

            var siteCodes = (parsed.GetValue(sites) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var outcome = await mediator.Send(
                new CreateUserCommand(
                    parsed.GetValue(email)!,
                    parsed.GetValue(displayName),
                    [parsed.GetValue(role)!],
                    siteCodes,
                    parsed.GetValue(provider),
                    parsed.GetValue(organisation),
                    password),
                cancellationToken);
            return Report(console, outcome, () => outcome.Value! switch
            {
                { OneTimePassword: { } oneTime } created => $"Created {created.Email}. One-time password (must be changed at first sign-in): {oneTime}",
                { LinkSent: true } created => $"Created {created.Email}. An invitation with a link to choose a password is in the outbox for them.",
                var created => $"Created {created.Email} with the password given.",
            });
        }));
        return command;
    }

    private static Command ImportSites(VerbConsole console) => ProviderCsvVerb(
        console,
        "import-sites",
        "Add or update a provider's sites from CSV, all or nothing.",
        "A CSV file with the header SiteCode,Name,ServiceType.",
        async (mediator, csv, provider, file, cancellationToken) =>
        {
            var outcome = await mediator.Send(new ImportSitesCommand(csv, provider), cancellationToken);
            return Report(console, outcome, () => $"Imported {file}: {outcome.Value!.Added} site(s) added, {outcome.Value.Updated} updated.");
        });

    private static Command ImportRatings(VerbConsole console) => ProviderCsvVerb(
        console,
        "import-ratings",
        "Record CQC's published ratings of a provider's sites from CSV, all or nothing.",
        "A CSV file with the header SiteCode,Overall,WellLed,PublishedOn,ReportUrl.",
        async (mediator, csv, provider, file, cancellationToken) =>
        {
            var outcome = await mediator.Send(new ImportCqcRatingsCommand(csv, provider), cancellationToken);
            return Report(console, outcome, () => $"Imported {file}: CQC's ratings of {outcome.Value} site(s) recorded.");
        });

    /// <summary>A verb that reads a provider's CSV file (at most 1 MB) and sends it as an operator.</summary>
    private static Command ProviderCsvVerb(
        VerbConsole console, string name, string description, string fileDescription, Func<IMediator, string, string, string, CancellationToken, Task<int>> send)
    {
        var provider = new Option<string>("--provider") { Description = "The provider's name.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = fileDescription, Required = true };
        var command = new Command(name, description) { provider, file };
        command.SetAction((parsed, cancellationToken) => AsOperator(console, async mediator =>
        {
            var csvFile = parsed.GetValue(file)!;
            if (!csvFile.Exists)
            {
                await console.Error.WriteLineAsync($"There is no file {csvFile.FullName}.");
                return 1;
            }

            if (csvFile.Length > AdminSitesController.MaxCsvBytes)
            {
                await console.Error.WriteLineAsync($"{csvFile.Name} is larger than 1 MB; a list of sites is much smaller. Check it is the right file.");
                return 1;
            }

            var csv = await File.ReadAllTextAsync(csvFile.FullName, cancellationToken);
            return await send(mediator, csv, parsed.GetValue(provider)!, csvFile.Name, cancellationToken);
        }));
        return command;
    }

    private static Command VerifyHistory(VerbConsole console)
    {
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A checkpoint copied from outside the database (a governance document's footer), written SEQUENCE:SEAL." };
        var records = new Option<bool>("--records") { Description = "Also compare every record row with the last state the log holds for it." };
        var command = new Command("verify-history", "Check the change log's sealed chain and its checkpoints; names the first broken entry and anything cut or changed behind the portal's back.") { checkpoint, records };
        command.SetAction((parsed, cancellationToken) => AsOperator(console, async mediator =>
        {
            var check = await mediator.Send(new VerifyHistoryQuery(parsed.GetValue(checkpoint), parsed.GetValue(records)), cancellationToken);
            if (check.Break is { } broken)
            {
                await console.Error.WriteLineAsync($"The change log is broken at entry {broken.Sequence}: {broken.Reason}.");
            }

            foreach (var problem in check.CheckpointProblems.Concat(check.RecordProblems ?? []))
            {
                await console.Error.WriteLineAsync(char.ToUpperInvariant(problem[0]) + problem[1..] + ".");
            }

            if (!check.IsWhole)
            {
                return 2;
            }

            await console.Out.WriteLineAsync($"The change log is whole: {check.EntryCount} entries checked"
                + (parsed.GetValue(checkpoint) is { } given ? $", and it agrees with checkpoint {given}" : "")
                + (check.RecordProblems is not null ? ", and every record row matches its last logged state." : "."));
            return 0;
        }));
        return command;
    }

    private static Command CheckpointHistory(VerbConsole console)
    {
        var command = new Command("checkpoint-history", "Take a checkpoint of the change log now and print it, to keep outside the database (verify-history --checkpoint checks against it).");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var app = await OperatorCommands.BuildHostAsync(migrate: true);
            await using var scope = app.Services.CreateAsyncScope();
            var checkpoint = await HistoryCheckpoints.TakeAsync(
                scope.ServiceProvider.GetRequiredService<VeriviusDbContext>(), scope.ServiceProvider.GetRequiredService<ChainKey>(), scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
            if (checkpoint is null)
            {
                await console.Error.WriteLineAsync("The change log is empty: there is nothing to checkpoint yet.");
                return 1;
            }

            await console.Out.WriteLineAsync($"Checkpoint {checkpoint.Reference} (entry {checkpoint.Sequence}, {checkpoint.At:d MMM yyyy HH:mm} UTC). Keep it somewhere the database's administrators cannot change.");
            return 0;
        });
        return command;
    }

    private static Command VerifyStorage(VerbConsole console)
    {
        var command = new Command("verify-storage", "List stored files that no record names, and records whose file is missing (after a restore, for instance).");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var app = await OperatorCommands.BuildHostAsync(migrate: true);
            await using var scope = app.Services.CreateAsyncScope();
            var report = await StorageAudit.CheckAsync(
                scope.ServiceProvider.GetRequiredService<VeriviusDbContext>(), scope.ServiceProvider.GetRequiredService<FileStore>(), cancellationToken);
            foreach (var file in report.FilesWithoutRows)
            {
                await console.Error.WriteLineAsync($"File without a record: {file}");
            }

            foreach (var row in report.RowsWithoutFiles)
            {
                await console.Error.WriteLineAsync($"Record without its file: {row}");
            }

            await console.Out.WriteLineAsync(
                $"{report.FilesOnDisk} stored file(s): {report.FilesWithoutRows.Count} without a record, {report.RowsWithoutFiles.Count} record(s) without their file"
                + (report.EarlierAttachmentVersions > 0 ? $"; {report.EarlierAttachmentVersions} earlier version(s) of replaced attachments, kept because the change history names them." : "."));
            return report.IsWhole ? 0 : 2;
        });
        return command;
    }

    private static Command RebuildFigures(VerbConsole console)
    {
        var command = new Command("rebuild-figures", "Count every site's monthly figures again from its records, and say how many kept months differed (after a restore or a fault, for instance).");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var app = await OperatorCommands.BuildHostAsync(migrate: true);
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator();
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var sites = await db.Sites.CountAsync(cancellationToken);
            var differed = await SiteMonthCounting.RebuildAsync(db, siteIds: null, cancellationToken);
            await console.Out.WriteLineAsync(differed == 0
                ? $"Counted the monthly figures of {sites} site(s) from their records: every kept month agreed."
                : $"Counted the monthly figures of {sites} site(s) from their records: {differed} kept month(s) differed and were replaced. "
                    + "The recount is in the change history, and a running portal shows the corrected figures from its next request.");
            return 0;
        });
        return command;
    }

    /// <summary>Runs a verb's work as the operator, with a plain message and exit code 1 for a site or record that is not there.</summary>
    public static async Task<int> AsOperator(VerbConsole console, Func<IMediator, Task<int>> run)
    {
        await using var app = await OperatorCommands.BuildHostAsync(migrate: true);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator();
        try
        {
            return await run(scope.ServiceProvider.GetRequiredService<IMediator>());
        }
        catch (Exception ex) when (ex is NotFoundException or ForbiddenException)
        {
            await console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    public static int Report(VerbConsole console, Outcome outcome, Func<string> success)
    {
        if (outcome.Succeeded)
        {
            console.Out.WriteLine(success());
            return 0;
        }

        foreach (var problem in outcome.Problems)
        {
            console.Error.WriteLine(string.IsNullOrEmpty(problem.Field) || problem.Field == "File"
                ? problem.Message
                : $"{problem.Field}: {problem.Message}");
        }

        return 1;
    }
}
