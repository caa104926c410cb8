using System.Diagnostics;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Verivius.Tests.Support;

/// <summary>
/// A PDF as a reader sees it, through poppler's <c>pdftotext</c> (Debian's <c>poppler-utils</c>, which
/// test.sh installs): its pages' text, the words of a Word document's tables that a line break cut in
/// two, and whether its last page is empty.
/// </summary>
public static class PdfPages
{
    /// <summary>The text of each page, in order.</summary>
    public static async Task<IReadOnlyList<string>> TextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"verivius-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-enc", "UTF-8", file, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed ({process.ExitCode}).");

            // Each page ends with a form feed; what follows the last one is nothing.
            return [.. text.Replace('\u2011', '-').Split('\f').SkipLast(1)];
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The words of the document's tables that the PDF holds fewer times whole than the document
    /// does: a word broken across two lines ("Receive" / "d") reads as two other words.
    /// </summary>
    public static IReadOnlyList<string> BrokenTableWords(WordprocessingDocument word, IReadOnlyList<string> pages)
    {
        ArgumentNullException.ThrowIfNull(word);
        var body = word.MainDocumentPart!.Document.Body!;
        var inDocument = Count(body.Descendants<Paragraph>().Select(WordText.Of));
        var inPdf = Count(pages);
        var inTables = body.Descendants<TableCell>().SelectMany(c => Words(string.Join(' ', c.Descendants<Paragraph>().Select(WordText.Of)))).ToHashSet(StringComparer.Ordinal);
        return [.. inTables.Where(w => inPdf.GetValueOrDefault(w) < inDocument[w]).Order(StringComparer.Ordinal)];
    }

    /// <summary>A page with nothing on it but its footer (page number and checkpoint).</summary>
    public static bool IsEmpty(string page) =>
        page.Split('\n').Select(l => l.Trim()).All(l => l.Length == 0 || l.StartsWith("Page ", StringComparison.Ordinal) || l.StartsWith("Change history checkpoint", StringComparison.Ordinal));

    private static Dictionary<string, int> Count(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in texts.SelectMany(Words))
        {
            counts[w] = counts.GetValueOrDefault(w) + 1;
        }

        return counts;
    }

    /// <summary>Words between spaces, or between a contents entry's dot leader and its page number.</summary>
    private static IEnumerable<string> Words(string text) =>
        Regex.Split(text, @"\s+|\.{2,}").Select(w => w.Trim('.', ',', ';', ':', '(', ')', '"', '\'')).Where(w => w.Length >= 2);
}
