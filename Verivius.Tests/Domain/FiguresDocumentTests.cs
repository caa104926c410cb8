using System.Text;
using Verivius.Domain.Figures;
using Verivius.Tests.Architecture;

namespace Verivius.Tests.Domain;

/// <summary>docs/figures.md tells a board member what each figure counts; its table is the measures' own, so it cannot drift from what the pages show.</summary>
public class FiguresDocumentTests
{
    [Fact]
    public void TheFiguresDocument_ListsEveryMeasure_InItsOwnWords()
    {
        var document = File.ReadAllText(Path.Combine(LayerReferenceTests.RepositoryRoot(), "docs", "figures.md")).ReplaceLineEndings("\n");

        var table = new StringBuilder("| figure | what it counts |\n|---|---|\n");
        foreach (var measure in Measures.OfTheMonth(supervisionDays: 90))
        {
            table.Append($"| {measure.Title} | {measure.Explanation} |\n");
        }

        Assert.Contains(table.ToString(), document, StringComparison.Ordinal);
    }
}
