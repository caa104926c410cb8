using System.CommandLine;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Features.Packs;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Cli;

/// <summary>The verbs for monthly packs: import one as a named person, and list a site's versions.</summary>
internal static class PackVerbs
{
    public static Command ImportPack(VerbConsole console)
    {
        var file = new Option<FileInfo>("--file") { Description = "The pack workbook (.xlsx).", Required = true };
        var attach = new Option<FileInfo[]>("--attach") { Description = "An attachment (PDF, DOCX, XLSX, PNG, JPEG); repeat for each.", AllowMultipleArgumentsPerToken = true };
        var user = new Option<string>("--user") { Description = "The email of the person the import is made as; their access decides.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Write nothing; print what the pack would change, sheet by sheet, and the challenges it would open and close." };
        var allowRemovals = new Option<bool>("--allow-removals") { Description = "Import even though the pack drops training or supervision rows the month holds (see them first with --dry-run)." };
        var command = new Command("import-pack", "Import a monthly pack exactly as the web upload does, as the given user.") { file, attach, user, dryRun, allowRemovals };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var files = new[] { parsed.GetValue(file)! }.Concat(parsed.GetValue(attach) ?? []).ToList();
            foreach (var missing in files.Where(f => !f.Exists))
            {
                await console.Error.WriteLineAsync($"There is no file {missing.FullName}.");
                return 1;
            }

            await using var app = await OperatorCommands.BuildHostAsync(migrate: true);
            await using var scope = app.Services.CreateAsyncScope();
            var email = parsed.GetValue(user)!.Trim();
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var account = await db.Users.Where(u => u.Email == email).Select(u => new { u.Id, u.IsDisabled }).SingleOrDefaultAsync(cancellationToken);
            if (account is null || account.IsDisabled)
            {
                await console.Error.WriteLineAsync($"There is no active user with the email {email}.");
                return 1;
            }

            scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeUser(account.Id, email);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            PackImportResult result;
            try
            {
                result = await mediator.Send(
                    new ImportPackCommand(
                        null,
                        await ReadAsync(files[0], cancellationToken),
                        [.. await Task.WhenAll(files.Skip(1).Select(f => ReadAsync(f, cancellationToken)))],
                        Mode: parsed.GetValue(dryRun) ? PackImportMode.DryRun : PackImportMode.Import,
                        AllowRemovals: parsed.GetValue(allowRemovals)),
                    cancellationToken);
            }
            catch (Exception ex) when (ex is NotFoundException or ForbiddenException)
            {
                await console.Error.WriteLineAsync(ex.Message);
                return 1;
            }

            foreach (var issue in result.Errors)
            {
                await console.Error.WriteLineAsync(issue.ToString());
            }

            foreach (var warning in result.Warnings)
            {
                await console.Out.WriteLineAsync("warning: " + warning);
            }

            if (result.Preview is { } preview)
            {
                await WritePreviewAsync(console.Out, preview);
            }

            await console.Out.WriteLineAsync(result.Status switch
            {
                PackImportStatus.Imported => $"Imported the {result.Period} pack as version {result.Version}: {Rows(result.RowCounts)}.",
                PackImportStatus.Unchanged => $"Unchanged: every row of this workbook matches version {result.Version} of the {result.Period} pack; nothing was stored.",
                PackImportStatus.Previewed => $"Dry run: nothing was stored. Importing would make version {result.Preview!.NewVersion} of the {result.Period} pack.",
                _ when result.Preview is not null => $"Nothing was imported: the pack removes rows the month holds. Check them above, then run again with --allow-removals if they should go.",
                _ => $"Nothing was imported: {result.Errors.Count} problem(s).",
            });
            return result.Status is PackImportStatus.Refused or PackImportStatus.Conflict ? 1 : 0;
        });
        return command;
    }

    public static Command Packs(VerbConsole console)
    {
        var site = new Option<string>("--site") { Description = "The site's CQC location ID.", Required = true };
        var command = new Command("packs", "List a site's pack versions: month, version, uploaded at and by, SHA-256, rows per sheet.") { site };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            await using var app = await OperatorCommands.BuildHostAsync(migrate: true);
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator();
            SitePacksVm packs;
            try
            {
                packs = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListPackVersionsQuery(parsed.GetValue(site)!), cancellationToken);
            }
            catch (NotFoundException)
            {
                await console.Error.WriteLineAsync($"There is no site {parsed.GetValue(site)}.");
                return 1;
            }

            if (packs.Versions.Count == 0)
            {
                await console.Out.WriteLineAsync($"{packs.SiteName} ({packs.SiteCode}) has no packs yet.");
                return 0;
            }

            await console.Out.WriteLineAsync("Period   Version  Uploaded (UTC)     By                              SHA-256                                                           Rows");
            foreach (var v in packs.Versions)
            {
                var rows = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(v.RowCounts) ?? [];
                await console.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{v.Period:yyyy-MM}  {v.Number,7}  {v.UploadedAt.UtcDateTime:yyyy-MM-dd HH:mm}  {v.UploadedBy,-30}  {v.Sha256}  {Rows(rows)}"));
            }

            return 0;
        });
        return command;
    }

    /// <summary>Every sheet's added, changed and removed rows, each named, then the challenges that would open and close.</summary>
    private static async Task WritePreviewAsync(TextWriter output, PackPreview preview)
    {
        foreach (var sheet in preview.Changes.Sheets)
        {
            await output.WriteLineAsync($"{sheet.Sheet}: {sheet.Added.Count} added, {sheet.Changed.Count} changed, {sheet.Removed.Count} would go");
            foreach (var row in sheet.Removed)
            {
                await output.WriteLineAsync($"  - would go: {row}");
            }

            foreach (var row in sheet.Changed)
            {
                await output.WriteLineAsync($"  ~ changed: {row}");
            }

            foreach (var row in sheet.Added)
            {
                await output.WriteLineAsync($"  + added: {row}");
            }
        }

        foreach (var move in preview.Challenges)
        {
            await output.WriteLineAsync($"challenge {(move.Opens ? "would open" : "would close")}: {move.Code} {move.Finding}");
        }
    }

    private static string Rows(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "no rows" : string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}"));

    private static async Task<PackFile> ReadAsync(FileInfo file, CancellationToken cancellationToken) =>
        new(file.Name, await File.ReadAllBytesAsync(file.FullName, cancellationToken));
}
