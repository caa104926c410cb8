using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Trail;
using Verivius.Tests.Support;
using Verivius.Web.Features.Trail;

namespace Verivius.Tests.Web;

/// <summary>The trail audit pages on the demo provider: a site's month, a random one that can be had again, the provider's month, the exports.</summary>
[Trait("Category", TestClock.DateSensitive)]
public partial class TrailAuditWebTests : IClassFixture<TrailAuditWebTests.DemoPortal>
{
    private const string Password = "verivius-demo-password";
    private const string CedarLodge = "1-101000002";

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private readonly DemoPortal _factory;

    public TrailAuditWebTests(DemoPortal factory) => _factory = factory;

    private static DateOnly LastMonth => TestClock.LastMonth;

    [Fact]
    public async Task ASitesMonth_ShowsEachChainAndItsGaps_AndTheCsvListsExactlyThoseGaps()
    {
        using var manager = await PortalSession.SignInAsync(_factory, "rm@demo.verivius.test", Password);
        var month = LastMonth.AddMonths(-2);

        var (status, page) = await manager.GetAsync($"/sites/{CedarLodge}/trail-audit?month={month:yyyy-MM}");
        var (_, csv) = await manager.GetAsync($"/sites/{CedarLodge}/trail-audit.csv?month={month:yyyy-MM}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Trail audit of {month.ToString("MMMM yyyy", British)} at Cedar Lodge", page, StringComparison.Ordinal);
        var audit = await AuditAsync(CedarLodge, month);
        Assert.True(audit.Chains.Count > 10, "The demo month should have decisions, incidents, training and supervision to trace.");
        Assert.Contains($"<strong>{audit.Complete} of {audit.Chains.Count}</strong> chains complete", page, StringComparison.Ordinal);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("SiteCode,Month,Item,Ref,Step,Found,Reason", lines[0]);
        Assert.Equal(audit.GapCount, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.StartsWith($"{CedarLodge},{month:yyyy-MM},", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARandomMonth_NamesItsSeed_AndTheSameSeedGivesTheSameMonth()
    {
        using var manager = await PortalSession.SignInAsync(_factory, "rm@demo.verivius.test", Password);

        using var random = await manager.Client.GetAsync(new Uri($"/sites/{CedarLodge}/trail-audit/random", UriKind.Relative));
        var location = random.Headers.Location!.OriginalString;
        var seed = int.Parse(SeedPattern().Match(location).Groups[1].Value, CultureInfo.InvariantCulture);
        var (_, first) = await manager.GetAsync(location);
        var (_, again) = await manager.GetAsync(location);

        var month = TrailAudit.RandomMonth(seed, TestClock.Today).ToString("MMMM yyyy", British);
        Assert.Contains($"with seed <strong>{seed}</strong>", first, StringComparison.Ordinal);
        Assert.Contains($"Trail audit of {month} at Cedar Lodge", first, StringComparison.Ordinal);
        Assert.Contains($"Trail audit of {month} at Cedar Lodge", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProviderMonth_IsARowPerSite_LeastCompleteFirst_ForTheNominatedIndividualOnly()
    {
        using var ni = await PortalSession.SignInAsync(_factory, "ni@demo.verivius.test", Password);
        using var manager = await PortalSession.SignInAsync(_factory, "rm@demo.verivius.test", Password);
        using var commissioner = await PortalSession.SignInAsync(_factory, "commissioner@demo.verivius.test", Password);

        var (status, page) = await ni.GetAsync($"/trail-audit?month={LastMonth:yyyy-MM}");

        Assert.Equal(HttpStatusCode.OK, status);
        var shares = ShareCell().Matches(page).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(6, shares.Count);
        Assert.Equal(shares.Order(), shares);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/trail-audit")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/sites/{CedarLodge}/trail-audit")).Status);
    }

    [Fact]
    public async Task TheWordReport_IsWrittenThroughTheDocumentLibrary_AndIsValid()
    {
        using var manager = await PortalSession.SignInAsync(_factory, "rm@demo.verivius.test", Password);

        var asked = await manager.SubmitAsync($"/sites/{CedarLodge}/trail-audit", $"/sites/{CedarLodge}/trail-audit/report", new() { ["month"] = $"{LastMonth:yyyy-MM}" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var page = asked.Headers.Location!.OriginalString;
        var html = "";
        for (var attempt = 0; attempt < 120 && !html.Contains("Download the Word document", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(250);
            (_, html) = await manager.GetAsync(page);
        }

        using var download = await manager.Client.GetAsync(new Uri(page + "/download", UriKind.Relative));
        using var word = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        Assert.Contains("Trail audit report", word.PackageProperties.Title, StringComparison.Ordinal);
        Assert.Contains("How the audit works", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReadinessPage_SaysItIsCoverageNotARating_AndFollowsTheProvidersMapping()
    {
        using var manager = await PortalSession.SignInAsync(_factory, "rm@demo.verivius.test", Password);
        using var admin = await PortalSession.SignInAsync(_factory, "admin@demo.verivius.test", Password);

        var (status, page) = await manager.GetAsync($"/sites/{CedarLodge}/readiness");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("This is evidence coverage, not a predicted rating.", page, StringComparison.Ordinal);
        Assert.Equal(8, StatementRow().Count(page));

        // Coverage is said in categories; CQC's rating words appear only as the leaders' own self-assessment.
        var coverage = CoverageCell().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(8, coverage.Count);
        Assert.All(coverage, cell => Assert.Matches("^(No evidence in 12 months|Evidence from [1-6] of 6 categories in 12 months)$", cell));

        var fields = new Dictionary<string, string> { ["kinds.WL1"] = "Meetings" };
        var refused = await admin.SubmitAsync("/admin/readiness", "/admin/readiness", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Capable, compassionate and inclusive leaders: tick at least one kind of record that evidences it.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        foreach (var code in new[] { "WL2", "WL3", "WL4", "WL5", "WL6", "WL7", "WL8" })
        {
            fields[$"kinds.{code}"] = "Audits";
        }

        var saved = await admin.SubmitAsync("/admin/readiness", "/admin/readiness", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, mapping) = await admin.GetAsync("/admin/readiness");
        Assert.Contains("id=\"WL1-Meetings\" name=\"kinds.WL1\" value=\"Meetings\" checked=\"checked\"", mapping, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"WL1-Decisions\" name=\"kinds.WL1\" value=\"Decisions\" checked", mapping, StringComparison.Ordinal);
    }

    private async Task<TrailAuditResult> AuditAsync(string siteCode, DateOnly month)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Verivius.Web.Security.CurrentActor>().AssumeOperator("test");
        var result = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new GetSiteTrailAuditQuery(siteCode, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), null));
        return result.Audit;
    }

    [GeneratedRegex(@"seed=(\d+)")]
    private static partial Regex SeedPattern();

    [GeneratedRegex("<th scope=\"row\">")]
    private static partial Regex StatementRow();

    [GeneratedRegex("<td>((?:No evidence|Evidence from)[^<]*)</td>")]
    private static partial Regex CoverageCell();

    [GeneratedRegex(@"<td>(\d+)%</td>")]
    private static partial Regex ShareCell();

    public sealed class DemoPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:Months"] = "12" };
    }
}
