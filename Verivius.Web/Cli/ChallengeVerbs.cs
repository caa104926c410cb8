using System.CommandLine;
using System.Globalization;
using Verivius.Infrastructure.Files;
using Verivius.Web.Features.Challenges;

namespace Verivius.Web.Cli;

/// <summary>The challenge engine from the command line: a site's open challenges as of a day, and a run over every site.</summary>
internal static class ChallengeVerbs
{
    public static Command Challenges(VerbConsole console)
    {
        var site = new Option<string>("--site") { Description = "The site's CQC location ID.", Required = true };
        var asOf = AsOfOption("The day to judge the records as of (YYYY-MM-DD); today if left out.");
        var format = new Option<string>("--format") { Description = "csv (the columns of the portal's export) or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("csv", "table");
        var command = new Command("challenges", "Evaluate a site's records and print its open challenges as of a day, without changing the register.") { site, asOf, format };
        command.SetAction((parsed, cancellationToken) => Verbs.AsOperator(console, async mediator =>
        {
            var found = await mediator.Send(new EvaluateChallengesQuery(parsed.GetValue(site)!, parsed.GetValue(asOf)), cancellationToken);
            var rows = found.Select(c => ChallengeCsv.Cells(c.Code, c.SiteCode, c.Severity, c.Status, c.Subject, c.Finding, c.RaisedOn, c.UpdatedOn, c.OpenSince).ToList()).ToList();
            if (parsed.GetValue(format) == "csv")
            {
                await console.Out.WriteAsync(CsvWriter.Line(ChallengeCsv.Columns));
                foreach (var row in rows)
                {
                    await console.Out.WriteAsync(CsvWriter.Line(row));
                }

                return 0;
            }

            if (rows.Count == 0)
            {
                await console.Out.WriteLineAsync("No open challenges: the records support what is claimed.");
                return 0;
            }

            await console.Out.WriteLineAsync($"{"Code",-30} {"Severity",-8} {"Status",-10} {"Open since",-10}  Finding");
            foreach (var c in found)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{c.Code,-30} {c.Severity,-8} {c.Status,-10} {c.OpenSince:yyyy-MM-dd}  {c.Finding}"));
            }

            await console.Out.WriteLineAsync($"{rows.Count} open challenge(s).");
            return 0;
        }));
        return command;
    }

    public static Command RunChallenges(VerbConsole console)
    {
        var asOf = AsOfOption("The day to judge the records as of (YYYY-MM-DD); today if left out.");
        var command = new Command("run-challenges", "Run the challenge engine for every active site and bring the register up to date, as the nightly job does.") { asOf };
        command.SetAction((parsed, cancellationToken) => Verbs.AsOperator(console, async mediator =>
        {
            var summary = await mediator.Send(new RunChallengesCommand(null, parsed.GetValue(asOf)), cancellationToken);
            await console.Out.WriteLineAsync(summary.ToString());
            return 0;
        }));
        return command;
    }

    private static Option<DateOnly?> AsOfOption(string description) => new("--asof")
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            result.AddError($"--asof must be a date written YYYY-MM-DD, such as 2026-11-30; \"{text}\" is not.");
            return null;
        },
    };
}
