using System.Text.RegularExpressions;
using Mediator;

namespace Verivius.Tests.Architecture;

/// <summary>
/// Each feature folder stands on its own: what several features need lives in a shared home
/// (<c>SiteRecords</c>, <c>Documents</c>, <c>Common</c>, <c>Security</c>, <c>Mail</c>, the partials of
/// <c>Features/Shared</c>), which uses no feature. A feature may send another feature's Mediator
/// request, since that is the feature's public face, but names none of its other types. In the domain,
/// no two areas lean on each other.
/// </summary>
public partial class FeatureIndependenceTests
{
    private static readonly string[] SharedHomes = ["SiteRecords", "Documents", "Common", "Security", "Mail", Path.Combine("Features", "Shared")];

    [Fact]
    public void NoFeatureNamesAnotherFeaturesTypes_OtherThanItsRequests()
    {
        var privateTypes = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Verivius.Web.Features.", StringComparison.Ordinal) == true && !t.Name.Contains('<', StringComparison.Ordinal))
            .Where(t => !typeof(IMessage).IsAssignableFrom(t))
            .Select(t => (Feature: t.Namespace!.Split('.')[3], Name: t.Name.Split('`')[0]))
            .Distinct()
            .ToList();

        var crossings = WebSources()
            .Where(source => source.Path.StartsWith("Features" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(source =>
            {
                var feature = source.Path.Split(Path.DirectorySeparatorChar)[1];
                return privateTypes
                    .Where(type => type.Feature != feature
                        && source.Text.Contains($"Verivius.Web.Features.{type.Feature}", StringComparison.Ordinal)
                        && Regex.IsMatch(source.Text, $@"(?<![\w]){type.Name}\b"))
                    .Select(type => $"{source.Path} names {type.Feature}'s {type.Name}");
            })
            .ToList();

        Assert.True(privateTypes.Count > 50, "The scan should find the features' own types.");
        Assert.True(crossings.Count == 0, string.Join(Environment.NewLine, crossings));
    }

    [Fact]
    public void TheSharedHomes_UseNoFeature()
    {
        var leaning = WebSources()
            .Where(source => SharedHomes.Any(home => source.Path.StartsWith(home + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Where(source => source.Text.Contains("Verivius.Web.Features.", StringComparison.Ordinal))
            .Select(source => source.Path)
            .ToList();

        Assert.True(leaning.Count == 0, "These shared files use a feature: " + string.Join(", ", leaning));
    }

    [Fact]
    public void TheDomainsAreas_FormNoCycle()
    {
        var domain = Path.Combine(LayerReferenceTests.RepositoryRoot(), "Verivius.Domain");
        var uses = Directory.EnumerateDirectories(domain)
            .Select(Path.GetFileName)
            .Where(area => area is not ("bin" or "obj"))
            .ToDictionary(
                area => area!,
                area => Directory.EnumerateFiles(Path.Combine(domain, area!), "*.cs", SearchOption.AllDirectories)
                    .SelectMany(file => DomainUsing().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
                    .Where(used => used != area)
                    .ToHashSet());

        var cycles = uses.Keys
            .SelectMany(area => uses[area].Where(used => Reaches(uses, used, area, [])).Select(used => $"{area} → {used} → … → {area}"))
            .ToList();

        Assert.True(uses.Count > 5, "The scan should find the domain's areas.");
        Assert.True(cycles.Count == 0, string.Join(Environment.NewLine, cycles));
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> uses, string from, string to, HashSet<string> seen) =>
        from == to || (seen.Add(from) && uses.TryGetValue(from, out var next) && next.Any(n => Reaches(uses, n, to, seen)));

    /// <summary>Every C# and Razor file of the portal, its path relative to the project and its text without comments.</summary>
    internal static IEnumerable<(string Path, string Text)> WebSources()
    {
        var web = Path.Combine(LayerReferenceTests.RepositoryRoot(), "Verivius.Web");
        return Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(web, path))
            .Where(path => !path.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !path.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(path => (path, Comment().Replace(File.ReadAllText(Path.Combine(web, path)), "")));
    }

    [GeneratedRegex(@"//[^\n]*|@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^using Verivius\.Domain\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex DomainUsing();
}
