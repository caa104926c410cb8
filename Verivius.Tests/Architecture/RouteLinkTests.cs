using System.Text.RegularExpressions;

namespace Verivius.Tests.Architecture;

/// <summary>
/// Pages and controllers build the portal's addresses from its routes (tag helpers, the URL helper,
/// RedirectToAction), never by hand, so renaming or moving a route cannot leave a link behind.
/// </summary>
public partial class RouteLinkTests
{
    [Fact]
    public void NoPageOrControllerWritesAnAddressByHand()
    {
        var handWritten = FeatureIndependenceTests.WebSources()
            .Where(source => source.Path.StartsWith("Features" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(source => HandWrittenAddress().Matches(source.Text).Select(m => $"{source.Path}: {m.Value}"))
            .ToList();

        Assert.True(handWritten.Count == 0, "Build these with tag helpers or the URL helper: " + string.Join(Environment.NewLine, handWritten));
    }

    [GeneratedRegex(@"(?:href|action)=""(?:/|@\$?""?/)[^""]*""|Redirect\(\$?""/[^""]*""\)")]
    private static partial Regex HandWrittenAddress();
}
