using System.Text.Json;
using Microsoft.Playwright;

namespace Verivius.Tests.E2E;

/// <summary>
/// Runs axe-core (installed by test.sh under tools/axe) in a page and fails on any serious or critical
/// violation, naming the rule and the elements so the fix is obvious.
/// </summary>
internal static class Axe
{
    private static readonly string Script = Path.Combine(RepositoryRoot(), "tools", "axe", "node_modules", "axe-core", "axe.min.js");

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException($"axe-core is not installed at {Script}; run ./test.sh, which installs it, or npm ci --prefix tools/axe.");
        }

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))");
        var serious = result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{page.Url} has accessibility violations:\n" + string.Join("\n", serious));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Verivius.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests are not inside the repository.");
    }
}
