using System.CommandLine;
using System.Globalization;
using Verivius.Web.Features.Scale;

namespace Verivius.Web.Cli;

/// <summary>Synthetic data at the scale of a large provider, for benchmarks and load tests.</summary>
internal static class ScaleVerbs
{
    public static Command SeedScale(VerbConsole console)
    {
        var sites = new Option<int>("--sites") { Description = "How many sites (1 to 2,000).", Required = true };
        var months = new Option<int>("--months") { Description = "How many months of records per site, ending last month (1 to 120).", Required = true };
        var seed = new Option<int>("--seed") { Description = "0 to 999; the same seed gives the same records. Names the provider (\"Scale provider 7\").", DefaultValueFactory = _ => 1 };
        var command = new Command("seed-scale", "Create a provider with many sites and months of realistic records of every kind, with a realistic share of gaps.") { sites, months, seed };
        command.SetAction((parsed, cancellationToken) => Verbs.AsOperator(console, async mediator =>
        {
            var progress = new Progress<string>(line => console.Out.WriteLine(line));
            var outcome = await mediator.Send(new SeedScaleCommand(parsed.GetValue(sites), parsed.GetValue(months), parsed.GetValue(seed), progress), cancellationToken);
            return Verbs.Report(console, outcome, () => string.Create(
                CultureInfo.InvariantCulture,
                $"Created {outcome.Value!.ProviderName}: {outcome.Value.Sites} sites × {outcome.Value.Months} months, {outcome.Value.Records:N0} records in {outcome.Value.Took.TotalSeconds:F0} s."));
        }));
        return command;
    }
}
