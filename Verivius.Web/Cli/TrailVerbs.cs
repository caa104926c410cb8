using System.CommandLine;
using Verivius.Domain.Packs;
using Verivius.Domain.Trail;
using Verivius.Web.Features.Trail;

namespace Verivius.Web.Cli;

/// <summary>The trail audit of one site and month from the command line.</summary>
internal static class TrailVerbs
{
    public static Command TrailAudit(VerbConsole console)
    {
        var site = new Option<string>("--site") { Description = "The site's CQC location ID.", Required = true };
        var month = new Option<string>("--month") { Description = "The month to trace, YYYY-MM (a complete month).", Required = true };
        var format = new Option<string>("--format") { Description = "csv (the gaps, as the portal's export) or table (every chain).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("csv", "table");
        var command = new Command("trail-audit", "Trace a site's month as an inspector would and list each gap.") { site, month, format };
        command.SetAction((parsed, cancellationToken) => Verbs.AsOperator(console, async mediator =>
        {
            var asked = parsed.GetValue(month)!;
            var result = await mediator.Send(new GetSiteTrailAuditQuery(parsed.GetValue(site)!, asked, null), cancellationToken);
            var audit = result.Audit;

            // The portal audits the last complete month, by its own clock, when the month asked for is not one.
            if (!PackPeriod.TryParse(asked, out var period) || period.FirstDay != audit.Month)
            {
                await console.Error.WriteLineAsync($"--month must be a complete month written YYYY-MM, such as {audit.Month:yyyy-MM}; \"{asked}\" is not.");
                return 1;
            }

            if (parsed.GetValue(format) == "csv")
            {
                await console.Out.WriteAsync(TrailAuditor.Csv(result.SiteCode, audit));
                return 0;
            }

            await console.Out.WriteLineAsync($"Trail audit of {audit.Month:yyyy-MM} at {result.SiteName} ({result.SiteCode}): {audit.Complete} of {audit.Chains.Count} chains complete, {audit.GapCount} gap(s).");
            foreach (var chain in audit.Chains)
            {
                await console.Out.WriteLineAsync($"{(chain.IsComplete ? "complete" : "GAPS    ")}  {chain.Kind,-17} {chain.Ref,-24} {chain.Title}");
                foreach (var gap in chain.Gaps)
                {
                    await console.Out.WriteLineAsync($"          - {gap.Step}: {gap.Reason}");
                }
            }

            return 0;
        }));
        return command;
    }
}
