using System.CommandLine;
using Verivius.Web.Features.Documents;

namespace Verivius.Web.Cli;

/// <summary>Writing a governance document from the command line.</summary>
internal static class DocumentVerbs
{
    public static Command Generate(VerbConsole console)
    {
        var kind = new Option<string>("--kind") { Description = "board-pack, site-pack, commissioner-update, trail-audit or oversight-minutes (the provider's last meeting of the month).", Required = true };
        kind.AcceptOnlyFromAmong("board-pack", "site-pack", "commissioner-update");
        var period = new Option<string>("--period") { Description = "The month reported on, YYYY-MM.", Required = true };
        var provider = new Option<string?>("--provider") { Description = "The provider's name (a board pack; a commissioner update when the commissioner works with several)." };
        var site = new Option<string?>("--site") { Description = "The site's CQC location ID (a site pack)." };
        var commissioner = new Option<string?>("--commissioner") { Description = "The commissioner's email (a commissioner update)." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the .docx file.", Required = true };
        var command = new Command("generate", "Write a governance document now, keep it in the document library and copy it to a file.")
        {
            kind, period, provider, site, commissioner, output,
        };
        command.SetAction((parsed, cancellationToken) => Verbs.AsOperator(console, async mediator =>
        {
            var file = parsed.GetValue(output)!;
            if (file.Directory is { Exists: false } folder)
            {
                await console.Error.WriteLineAsync($"There is no folder {folder.FullName} to write {file.Name} into.");
                return 1;
            }

            // Written beside the target and moved into place, so a failure never leaves half a file.
            var partial = file.FullName + ".partial";
            int exit;
            await using (var stream = File.Create(partial))
            {
                var outcome = await mediator.Send(
                    new GenerateDocumentCommand(parsed.GetValue(kind)!, parsed.GetValue(period)!, parsed.GetValue(provider), parsed.GetValue(site), parsed.GetValue(commissioner), stream),
                    cancellationToken);
                exit = Verbs.Report(console, outcome, () => $"Wrote {file.FullName}: {outcome.Value!.Title}, {outcome.Value.Period:yyyy-MM}, evidence as at {outcome.Value.DataAsOf:yyyy-MM-dd}, {outcome.Value.SizeBytes:N0} bytes, SHA-256 {outcome.Value.Sha256}.");
            }

            if (exit == 0)
            {
                File.Move(partial, file.FullName, overwrite: true);
            }
            else
            {
                File.Delete(partial);
            }

            return exit;
        }));
        return command;
    }
}
