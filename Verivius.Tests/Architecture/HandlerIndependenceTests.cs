using System.Text.RegularExpressions;

namespace Verivius.Tests.Architecture;

/// <summary>
/// A handler is reached through the mediator and nothing else: no handler, controller or verb names
/// another file's handler, so what two features share lives in a type of its own (a period's
/// arithmetic on the period, a CSV's columns on the CSV) rather than on whichever handler needed it first.
/// </summary>
public partial class HandlerIndependenceTests
{
    [Fact]
    public void NoFileNamesAHandlerDeclaredInAnotherFile()
    {
        var web = Path.Combine(LayerReferenceTests.RepositoryRoot(), "Verivius.Web");
        var sources = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(path => Path.GetRelativePath(web, path), File.ReadAllText);
        var declaredIn = sources
            .SelectMany(source => HandlerDeclaration().Matches(source.Value).Select(m => (Handler: m.Groups[1].Value, File: source.Key)))
            .ToDictionary(d => d.Handler, d => d.File);

        var crossings = sources
            .SelectMany(source => declaredIn
                .Where(handler => handler.Value != source.Key && Regex.IsMatch(source.Value, $@"\b{handler.Key}\b"))
                .Select(handler => $"{source.Key} names {handler.Key} (declared in {handler.Value})"))
            .ToList();

        Assert.True(declaredIn.Count > 20, "The scan should find the portal's handlers.");
        Assert.True(crossings.Count == 0, string.Join(Environment.NewLine, crossings));
    }

    [GeneratedRegex(@"class (\w+Handler)\b")]
    private static partial Regex HandlerDeclaration();
}
