using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Builders;
using Verivius.Tests.Support;
using Verivius.Web.Features.Documents;

namespace Verivius.Tests.Web;

/// <summary>A provider preparing for CQC's 2026 draft chooses it: its readiness pages follow, the choice is in the change log, and "what changes for us" shows its sites' evidence moved across.</summary>
public partial class FrameworkChoiceTests : IClassFixture<FrameworkChoiceTests.DemoPortal>
{
    private const string Password = "verivius-demo-password";
    private const string CedarLodge = "1-101000002";

    private readonly DemoPortal _factory;

    public FrameworkChoiceTests(DemoPortal factory) => _factory = factory;

    [Fact]
    public async Task ChoosingThe2026Draft_ChangesTheReadinessPage_AndIsInTheChangeLog()
    {
        using var manager = await PortalSession.SignInAsync(_factory, "rm@demo.verivius.test", Password);
        using var admin = await PortalSession.SignInAsync(_factory, "admin@demo.verivius.test", Password);

        var (_, choice) = await admin.GetAsync("/admin/framework");
        Assert.Contains("Follow the current version (now 2024-12)", choice, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-draft\"", choice, StringComparison.Ordinal);
        var (_, before) = await manager.GetAsync($"/sites/{CedarLodge}/readiness");
        Assert.Contains("This is evidence coverage, not a predicted rating.", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Governance and management", before, StringComparison.Ordinal);
        Assert.Contains("Well-led, version 2024-12.", await BoardPackTextAsync(), StringComparison.Ordinal);

        var refused = await admin.SubmitAsync("/admin/framework", "/admin/framework", new Dictionary<string, string> { ["version"] = "1999-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("There is no framework version 1999-01; choose one of those listed.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await admin.SubmitAsync("/admin/framework", "/admin/framework", new Dictionary<string, string> { ["version"] = "2026-03-draft" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (status, after) = await manager.GetAsync($"/sites/{CedarLodge}/readiness");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This is evidence, not a predicted rating.", after, StringComparison.Ordinal);
        Assert.Contains("(a draft: CQC has not made it final)", after, StringComparison.Ordinal);
        // The eight lines our records speak to get a card each; the sixteen still waiting for CQC's titles are listed once per key question.
        Assert.Equal(8, LineCard().Count(after));
        Assert.Contains("Also under Effective, with no kind of record mapped and no rating characteristics entered yet: KE1", after, StringComparison.Ordinal);
        Assert.Contains("Governance and management", after, StringComparison.Ordinal);
        Assert.Contains("Safe staffing", after, StringComparison.Ordinal);
        var pack = await BoardPackTextAsync();
        Assert.Contains("version 2026-03-draft, a draft CQC has not made final", pack, StringComparison.Ordinal);
        Assert.Contains("Governance and management", pack, StringComparison.Ordinal);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var entry = await db.ChangeLog.Where(e => e.Entity == "Providers").OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal("admin@demo.verivius.test", entry.Actor);
        Assert.Contains("\"FrameworkVersion\":\"2026-03-draft\"", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"FrameworkVersion\":null", entry.Before, StringComparison.Ordinal);

        // Back to following the current version: the statements return.
        await admin.SubmitAsync("/admin/framework", "/admin/framework", new Dictionary<string, string> { ["version"] = "" });
        var (_, again) = await manager.GetAsync($"/sites/{CedarLodge}/readiness");
        Assert.Contains("This is evidence coverage, not a predicted rating.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatChangesForUs_ShowsTheCrosswalk_AndEachSitesEvidenceUnderBothVersions()
    {
        using var admin = await PortalSession.SignInAsync(_factory, "admin@demo.verivius.test", Password);

        var (status, page) = await admin.GetAsync("/admin/framework/changes?from=2024-12&to=2026-03-draft");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("No counterpart: left out", page, StringComparison.Ordinal);
        Assert.Contains("KW2 Workforce equity and culture", page, StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var sites = await db.Sites.Where(s => s.IsActive).Select(s => s.Name).ToListAsync();
        Assert.All(sites, name => Assert.Contains($"<th scope=\"row\">{WebUtility.HtmlEncode(name)}</th>", page, StringComparison.Ordinal));

        // Governance moves to a line of enquiry evidenced by the same kinds of record, so every site's count carries across unchanged.
        var governance = GovernanceCells().Matches(page).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(sites.Count, governance.Count);
        Assert.All(governance, cell => Assert.Equal(cell.Item1, cell.Item2));
        Assert.Contains(governance, cell => cell.Item1 != "0");
    }

    /// <summary>The text of a board pack written now for last month, after checking it is valid Word.</summary>
    private async Task<string> BoardPackTextAsync()
    {
        var file = new MemoryStream();
        var month = TestClock.LastMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await TestWorlds.AsOperatorAsync(_factory, async mediator =>
            TestWorlds.Expect(await mediator.Send(new GenerateDocumentCommand("board-pack", month, "Demo Care Group", null, null, file))));
        file.Position = 0;
        using var word = WordprocessingDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        return WordText.Of(word.MainDocumentPart!.Document.Body!);
    }

    // One card per line of enquiry, titled with its code.
    [GeneratedRegex("<h3 class=\"h5 card-title\">")]
    private static partial Regex LineCard();

    // The fifth column of each site row is WL5 → KW4.
    [GeneratedRegex(@"<th scope=""row"">[^<]*</th>\s*(?:<td>[^<]*</td>\s*){4}<td>(\d+) → (\d+)</td>")]
    private static partial Regex GovernanceCells();

    public sealed class DemoPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:Months"] = "3" };
    }
}
