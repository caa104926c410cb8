using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Features.Documents;
using Verivius.Web.Features.Trail;

namespace Verivius.Tests.Features;

/// <summary>
/// Every kind of document converted by LibreOffice as the portal converts it, and read back as a
/// reader would: no word in any table broken across two lines, no empty last page, contents whose
/// page numbers are the pages the headings are on, and a written
/// site pack kept and offered as PDF beside its Word file.
/// </summary>
public class DocumentPdfTests : IClassFixture<DocumentPdfTests.PdfDemoPortal>
{
    private static readonly string LastMonth = TestClock.LastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private readonly PdfDemoPortal _factory;

    public DocumentPdfTests(PdfDemoPortal factory) => _factory = factory;

    [Theory]
    [InlineData("board-pack", "Demo Care Group", null, null)]
    [InlineData("site-pack", null, "1-101000002", null)]
    [InlineData("commissioner-update", null, null, "commissioner@demo.verivius.test")]
    public async Task EachKindOfTheDemo_AsPdf_BreaksNoTableWord_AndEndsOnAPageWithContent(string kind, string? provider, string? site, string? commissioner)
    {
        var file = new MemoryStream();
        await TestWorlds.AsOperatorAsync(_factory, async mediator =>
            TestWorlds.Expect(await mediator.Send(new GenerateDocumentCommand(kind, LastMonth, provider, site, commissioner, file))));

        await AssertReadsWellAsPdfAsync(file.ToArray());
    }

    [Fact]
    public async Task TheTrailAuditReport_AsPdf_BreaksNoTableWord_AndEndsOnAPageWithContent()
    {
        Guid id = default;
        await TestWorlds.AsOperatorAsync(_factory, async mediator => id = await mediator.Send(new RequestTrailAuditReportCommand("1-101000002", LastMonth)));
        var stored = await WrittenAsync(id, d => d.StoredName);

        using var word = new MemoryStream();
        await using (var file = _factory.Services.GetRequiredService<Verivius.Infrastructure.Files.FileStore>().Open(stored!))
        {
            await file.CopyToAsync(word);
        }

        await AssertReadsWellAsPdfAsync(word.ToArray());
    }

    /// <summary>The sites-at-a-glance table of a provider of 500 sites, with the longest words the portal writes in it.</summary>
    [Fact]
    public async Task ATableOf500Sites_IsSetOnLandscapePages_AndBreaksNoWord()
    {
        var ratings = new[] { "Requires improvement, Well-led: Requires improvement (published 3 January 2026, 10 months ago)", "Good, Well-led: Good", "Inadequate, Well-led: Inadequate", "Not yet rated" };
        var rows = Enumerable.Range(1, 500).Select(i => (IReadOnlyList<TableCellText>)
        [
            $"Hawthorn View Residential and Nursing {i} (1-{101000000 + i})",
            ratings[i % ratings.Length],
            i % 7 == 0 ? "Not received" : "Received",
            $"{i % 5}",
            i % 3 == 0 ? "Worsening" : "0",
            $"{i % 23}",
            $"{i % 40} ({i % 6})",
            $"{(i * 7) % 101}%",
            $"{(i * 3) % 101}%",
            new TableCellText(i % 4 == 0 ? "Red" : i % 4 == 1 ? "Amber" : "Green", i % 4 == 0 ? RagRating.Red : i % 4 == 1 ? RagRating.Amber : RagRating.Green),
        ]).ToList();
        var content = new DocumentContent("Board pack", "Scale Care Group", [], DateTimeOffset.UnixEpoch,
        [
            new HeadingBlock(1, "Sites at a glance"),
            new ParagraphBlock("Sites are ranked worst first."),
            new TableBlock(
                [new("Site"), new("CQC rating"), new("Pack for Nov 2026"), new("Open risks"), new("Worsening"), new("Overdue actions"), new("Open challenges (high)"), new("Notified on time, 12 months"), new("Mandatory training in date"), new("Rating")],
                rows,
                "No sites."),
            new HeadingBlock(1, "Safeguarding"),
            new ParagraphBlock("What follows the table is back on a portrait page."),
        ]);
        using var word = new MemoryStream();
        GovernanceDocumentWriter.Write(content, word);

        await AssertReadsWellAsPdfAsync(word.ToArray());
        using var opened = WordprocessingDocument.Open(new MemoryStream(word.ToArray()), false);
        var sections = opened.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageSize>().ToList();
        Assert.Equal([false, true, false], sections.Select(s => s.Orient?.Value == DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape));
    }

    /// <summary>A site pack needs no approval, so once written its PDF is made in the background and offered beside the Word file.</summary>
    [Fact]
    public async Task AWrittenSitePack_IsKeptAsPdf_AndOfferedForDownload()
    {
        using var manager = await PortalSession.SignInAsync(_factory, "rm@demo.verivius.test", "verivius-demo-password");
        var asked = await manager.SubmitAsync("/documents/new", "/documents", new() { ["Kind"] = "site-pack", ["Period"] = LastMonth, ["Site"] = "1-101000002" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var id = Guid.Parse(asked.Headers.Location!.OriginalString.Split('/')[^1]);

        await WrittenAsync(id, d => d.PdfStoredName);
        var (_, page) = await manager.GetAsync($"/documents/{id}");
        using var pdf = await manager.Client.GetAsync(new Uri($"/documents/{id}/pdf", UriKind.Relative));

        Assert.Contains("Download the PDF", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"site-pack-{LastMonth}-cedar-lodge.pdf", pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var pages = await PdfPages.TextAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Cedar Lodge", pages[0], StringComparison.Ordinal);
    }

    /// <summary>
    /// A meeting's minutes, recorded on its page, are written through the same writer as a draft, approved
    /// like the other outward documents, kept as PDF, and say who attended, the decisions, the actions
    /// agreed and any other business.
    /// </summary>
    [Fact]
    public async Task AnOversightMeetingsMinutes_AreADocument_ApprovedAndKeptAsPdf()
    {
        using var ni = await PortalSession.SignInAsync(_factory, "ni@demo.verivius.test", "verivius-demo-password");
        using var manager = await PortalSession.SignInAsync(_factory, "rm@demo.verivius.test", "verivius-demo-password");
        var heldOn = TestClock.Today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scheduled = await ni.SubmitAsync("/oversight", "/oversight", new() { ["heldOn"] = heldOn, ["title"] = "December provider oversight meeting" });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var meeting = scheduled.Headers.Location!.OriginalString;
        var recorded = await ni.SubmitAsync(meeting, $"{meeting}/record", new()
        {
            ["attendees"] = "Helen Carter, nominated individual\nAmira Okafor, registered manager",
            ["apologies"] = "Sam Patel, provider admin",
            ["actionsAgreed"] = "Agency use at Cedar Lodge reviewed weekly: Amira Okafor, by 20 December",
            ["otherBusiness"] = "The winter pressures plan goes to the January board.",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync(meeting)).Status);

        var asked = await ni.SubmitAsync(meeting, $"{meeting}/document", []);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var id = Guid.Parse(asked.Headers.Location!.OriginalString.Split('/')[^1]);
        await WrittenAsync(id, d => d.Status == DocumentStatus.Ready ? d.StoredName : null);
        var approved = await ni.SubmitAsync($"/documents/{id}", $"/documents/{id}/approve", new() { ["Commentary"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        await WrittenAsync(id, d => d.PdfStoredName);

        using var pdf = await ni.Client.GetAsync(new Uri($"/documents/{id}/pdf", UriKind.Relative));
        // Words as they read, whatever line the PDF put them on.
        var text = string.Join(' ', string.Join('\n', await PdfPages.TextAsync(await pdf.Content.ReadAsByteArrayAsync())).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        using var word = await ni.Client.GetAsync(new Uri($"/documents/{id}/download", UriKind.Relative));
        await AssertReadsWellAsPdfAsync(await word.Content.ReadAsByteArrayAsync());
        // The operators' generate verb writes the same minutes: the provider's last meeting of the month.
        var fromVerb = new MemoryStream();
        var month = TestClock.Today.AddDays(-2).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await TestWorlds.AsOperatorAsync(_factory, async mediator =>
            TestWorlds.Expect(await mediator.Send(new GenerateDocumentCommand("oversight-minutes", month, "Demo Care Group", null, null, fromVerb))));
        using (var minutes = WordprocessingDocument.Open(new MemoryStream(fromVerb.ToArray()), false))
        {
            Assert.Contains("Sam Patel, provider admin", WordText.Of(minutes.MainDocumentPart!.Document.Body!), StringComparison.Ordinal);
        }

        foreach (var expected in new[] { "Minutes: December provider oversight meeting", "Amira Okafor, registered manager", "Apologies", "Sam Patel, provider admin", "Decisions on challenges", "Agency use at Cedar Lodge reviewed weekly", "The winter pressures plan", "Approved by Helen Carter" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    private async Task AssertReadsWellAsPdfAsync(byte[] word)
    {
        var converter = _factory.Services.GetRequiredService<PdfConverter>();
        Assert.True(converter.IsAvailable, "LibreOffice (soffice) is not installed: test.sh installs libreoffice-writer-nogui.");
        using var document = WordprocessingDocument.Open(new MemoryStream(word), false);
        Assert.Empty(new OpenXmlValidator().Validate(document));

        var pages = await PdfPages.TextAsync(await converter.ConvertAsync(word, CancellationToken.None));

        Assert.Empty(PdfPages.BrokenTableWords(document, pages));
        Assert.False(PdfPages.IsEmpty(pages[^1]), $"The last of {pages.Count} pages is empty.");

        // The contents (of a document that has them) give each heading the page the PDF set it on.
        if (pages.FirstOrDefault(p => p.StartsWith("Contents\n", StringComparison.Ordinal)) is { } contents)
        {
            var entries = System.Text.RegularExpressions.Regex.Matches(contents, @"^(?<heading>.+?)\.{3,}(?<page>\d+)$", System.Text.RegularExpressions.RegexOptions.Multiline);
            Assert.NotEmpty(entries);
            Assert.All(entries, entry => Assert.Contains(entry.Groups["heading"].Value, pages[int.Parse(entry.Groups["page"].Value, CultureInfo.InvariantCulture) - 1].Split('\n')));
        }
    }

    /// <summary>Waits for the background writer, then reads what it kept.</summary>
    private async Task<string?> WrittenAsync(Guid id, Func<GovernanceDocument, string?> kept)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var document = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Documents.AsNoTracking().SingleAsync(d => d.Id == id);
            Assert.NotEqual(DocumentStatus.Failed, document.Status);
            if (kept(document) is { } name)
            {
                return name;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Document {id} was not written, with its copies, within a minute.");
    }

    public sealed class PdfDemoPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:Months"] = "12", ["Documents:Pdf"] = "true" };
    }
}
