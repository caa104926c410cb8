using System.Net;
using System.Text.RegularExpressions;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>
/// Every link and form a person can reach goes somewhere: walking the portal from each role's home,
/// no link or form is empty (a route that no longer matches renders as an empty address) and every
/// link opens, so a page moved or renamed cannot leave a dead link behind. And no page shows a value
/// as the code holds it ("NursingHome", "NoChange") where a person reads words.
/// </summary>
public partial class LinkTests : IClassFixture<PortalFactory>
{
    /// <summary>Enough to reach every kind of page from the homes; a walk that needs more is visiting the same pages by other filters.</summary>
    private const int PagesPerRole = 160;

    private readonly PortalFactory _factory;

    public LinkTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task EveryLinkAndFormReachableFromEachRolesHome_GoesSomewhere_AndNoPageShowsARawValue()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        var problems = new List<string>();
        var visited = 0;
        foreach (var (email, starts) in new[]
        {
            (world.NominatedIndividual, new[] { "/", "/provider", "/challenges", "/documents", "/oversight", "/trail-audit", $"/sites/{site}" }),
            (world.RegisteredManager, new[] { "/", $"/sites/{site}", $"/sites/{site}/records/actions", $"/sites/{site}/records/recovery/R-1", $"/sites/{site}/challenges" }),
            (world.Admin, new[] { "/admin", "/admin/users", "/admin/sites", "/admin/grants", "/admin/history", "/admin/thresholds" }),
            (world.Commissioner, new[] { "/" }),
        })
        {
            using var session = await PortalSession.SignInAsync(_factory, email);
            visited += await WalkAsync(session, email, starts, problems);
        }

        Assert.True(visited > 60, $"The walk reached only {visited} pages.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct().Take(40)));
    }

    private static async Task<int> WalkAsync(PortalSession session, string who, IEnumerable<string> starts, List<string> problems)
    {
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        var waiting = new Queue<(string Path, string From)>(starts.Select(s => (s, "the start")));
        var visited = 0;
        while (waiting.Count > 0 && visited < PagesPerRole)
        {
            var (path, from) = waiting.Dequeue();
            using var response = await session.Client.GetAsync(new Uri(path, UriKind.Relative));
            visited++;
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Found or HttpStatusCode.Redirect))
            {
                problems.Add($"{who}: {path} (linked from {from}) answered {(int)response.StatusCode}.");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await response.Content.ReadAsStringAsync();
            problems.AddRange(EmptyTarget().Matches(page).Select(m => $"{who}: {path} has a {m.Groups[1].Value} with no address: {m.Value}"));
            problems.AddRange(RawValues(page).Select(raw => $"{who}: {path} shows the raw value \"{raw}\""));
            foreach (var link in Link().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split('#')[0]))
            {
                if (link.Length > 0 && !link.StartsWith("//", StringComparison.Ordinal) && seen.Add(link))
                {
                    waiting.Enqueue((link, path));
                }
            }
        }

        return visited;
    }

    /// <summary>
    /// The words a person reads (no markup, scripts or attribute values) that are an enumeration's value
    /// as the code names it, in any case. The pack format's own sheet and column names are what a manager
    /// types, so they may be shown as they are.
    /// </summary>
    private static IEnumerable<string> RawValues(string page)
    {
        var text = WebUtility.HtmlDecode(Markup().Replace(Scripts().Replace(page, " "), " "));
        return RawValue.Matches(text).Select(m => m.Value).Distinct();
    }

    private static readonly Regex RawValue = new(
        @"\b(" + string.Join("|", typeof(Verivius.Domain.Evidence.RecordKind).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic)
            .SelectMany(Enum.GetNames)
            .Where(name => name.Skip(1).Any(char.IsUpper))
            .Except(Verivius.Domain.Packs.Reading.PackFormat.Sheets.SelectMany(s => s.Columns.Append(s.Name)))
            .Distinct()) + @")\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    [GeneratedRegex("<a [^>]*href=\"(/[^\"]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("<(a|form) [^>]*(?:href|action)=\"\"[^>]*>")]
    private static partial Regex EmptyTarget();
}
