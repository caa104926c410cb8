using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Verivius.Domain.Common;
using Verivius.Tests.Support;

namespace Verivius.Tests.Features;

public class SiteAdministrationTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public SiteAdministrationTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task CsvImport_WithOneBadLine_ImportsNothing_AndNamesEveryBadLine()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var good = TestWorlds.NewSiteCode();
        var csv = $"""
            SiteCode,Name,ServiceType
            {good},Willow House,CareHome
            12345,Bad Code House,CareHome
            {TestWorlds.NewSiteCode()},Unknown Type House,Hospital
            {good},Twice House,CareHome
            """;

        using var response = await UploadAsync(admin, csv);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var (_, sites) = await admin.GetAsync("/admin/sites");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Line 3: \"12345\" is not a CQC location ID", body, StringComparison.Ordinal);
        Assert.Contains("Line 4: \"Hospital\" is not a service type", body, StringComparison.Ordinal);
        Assert.Contains($"Line 5: site {good} is also on line 2.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Willow House", sites, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvImport_AddsNewSites_AndUpdatesTheProvidersOwn()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var added = TestWorlds.NewSiteCode();
        var csv = $"site code,NAME,service type\r\n{added},\"Oak Lodge, North\",nursing home\r\n{world.SiteCodes[0]},Renamed Site,HomeCare\r\n";

        using var response = await UploadAsync(admin, csv);
        var (_, sites) = await admin.GetAsync("/admin/sites");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Oak Lodge, North", sites, StringComparison.Ordinal);
        Assert.Contains("Renamed Site", sites, StringComparison.Ordinal);
        Assert.Contains("<td>Nursing home</td>", sites, StringComparison.Ordinal);
    }

    /// <summary>The change history says what changed in words and who by name, not table names and addresses.</summary>
    [Fact]
    public async Task TheChangeHistory_SaysWhatChangedInWords_FromWhatToWhat_AndWhoByName()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        using var renamed = await UploadAsync(admin, $"SiteCode,Name,ServiceType\n{world.SiteCodes[0]},Rowan House,HomeCare\n");

        var (_, history) = await admin.GetAsync("/admin/history");
        history = WebUtility.HtmlDecode(history);
        history = history[history.IndexOf("Latest changes to your provider", StringComparison.Ordinal)..];

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var row = history[history.IndexOf("<td>Site Rowan House</td>", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($"Changed name from “Site 1 of {world.Tag}” to “Rowan House”; service type from “Care home” to “Home care”", row, StringComparison.Ordinal);
        Assert.Matches($"<td>admin-{world.Tag}</td>\\s*<td>Site Rowan House</td>", history);
        Assert.Contains("<td>Added</td>", history, StringComparison.Ordinal);
        Assert.DoesNotContain("AspNetUsers", history, StringComparison.Ordinal);
        Assert.DoesNotContain($"admin-{world.Tag}@test.example", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminRecordsCqcsRating_AndTheSitePagesAndTheProviderViewShowIt_ButNotWithoutItsDay()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        var edit = $"/admin/sites/{site}/edit";
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var (_, before) = await ni.GetAsync("/provider");
        var fields = new Dictionary<string, string> { ["Code"] = site, ["Name"] = world.SiteName(0), ["ServiceType"] = "CareHome", ["IsNew"] = "false", ["CqcRating"] = "RequiresImprovement" };

        using var withoutDay = await admin.SubmitAsync(edit, edit, fields);
        fields["CqcRatingPublishedOn"] = TestClock.Today.AddMonths(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var saved = await admin.SubmitAsync(edit, edit, fields);
        var (_, sitePage) = await ni.GetAsync($"/sites/{site}");
        var (_, provider) = await ni.GetAsync("/provider");
        var (_, form) = await admin.GetAsync(edit);

        Assert.Contains("Enter the day CQC published the rating.", await withoutDay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<span class=\"text-muted\">Not recorded</span>", before, StringComparison.Ordinal);
        Assert.Matches($"<dt class=\"col-sm-3\">CQC rating</dt>\\s*<dd class=\"col-sm-9\">\\s*Requires improvement \\(published {TestClock.Today.AddMonths(-3).ToBritishDate()}, 3 months ago\\)\\s*</dd>", sitePage);
        Assert.Matches($"<td>\\s*Requires improvement\\s*<br /><small class=\"text-muted\">published {TestClock.Today.AddMonths(-3).ToShortBritishDate()}, 3 months ago</small>\\s*</td>", provider);
        Assert.Matches("<option selected=\"selected\" value=\"RequiresImprovement\">Requires improvement</option>", form);
    }

    /// <summary>
    /// CQC's ratings come in by CSV, all or nothing: a bad line is named by its number and nothing changes;
    /// a good file records the overall and Well-led ratings, the day and the report, and a rating over six
    /// years old is flagged on the provider view and the site's page.
    /// </summary>
    [Fact]
    public async Task CqcRatingsCsv_WithABadLine_ChangesNothing_AndAGoodOne_RecordsEveryRating_FlaggingOneOverSixYearsOld()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        var (recent, old) = (world.SiteCodes[0], world.SiteCodes[1]);
        var stale = TestClock.Today.AddYears(-6).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lately = TestClock.Today.AddMonths(-14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var bad = $"""
            SiteCode,Overall,WellLed,PublishedOn,ReportUrl
            {recent},Good,Requires improvement,{lately},https://www.cqc.org.uk/location/{recent}
            {old},Satisfactory,,{stale},
            {TestWorlds.NewSiteCode()},Good,,{lately},
            {recent},Good,,{lately},http://example.test/report
            """;
        var good = $"""
            SiteCode,Overall,WellLed,PublishedOn,ReportUrl
            {recent},Good,Requires improvement,{lately},https://www.cqc.org.uk/location/{recent}
            {old},Outstanding,Outstanding,{stale},
            """;

        using var refused = await UploadAsync(admin, bad, "/admin/sites/ratings");
        var refusal = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var (_, afterRefusal) = await ni.GetAsync($"/sites/{recent}");
        using var imported = await UploadAsync(admin, good, "/admin/sites/ratings");
        var (_, recentPage) = await ni.GetAsync($"/sites/{recent}");
        var (_, oldPage) = await ni.GetAsync($"/sites/{old}");
        var (_, provider) = await ni.GetAsync("/provider");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Line 3: Overall \"Satisfactory\" is not one of CQC's ratings", refusal, StringComparison.Ordinal);
        Assert.Contains("is not a site of your provider", refusal, StringComparison.Ordinal);
        Assert.Contains($"Line 5: site {recent} is also on line 2.", refusal, StringComparison.Ordinal);
        Assert.Contains("Not recorded", afterRefusal, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains($"Good, Well-led: Requires improvement (published {TestClock.Today.AddMonths(-14).ToBritishDate()}, 1 year 2 months ago)", WebUtility.HtmlDecode(recentPage), StringComparison.Ordinal);
        Assert.Matches($"<a href=\"https://www.cqc.org.uk/location/{recent}\" rel=\"noopener noreferrer external\">CQC('|&#x27;)s report</a>", recentPage);
        Assert.DoesNotContain("Over six years old", recentPage, StringComparison.Ordinal);
        Assert.Contains("Outstanding, Well-led: Outstanding (published", oldPage, StringComparison.Ordinal);
        Assert.Contains("6 years ago: over six years old)", oldPage, StringComparison.Ordinal);
        Assert.Contains("Over six years old: CQC inspects these first", oldPage, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(provider, "<span class=\"badge text-bg-warning\">Over six years old</span>"));
    }

    /// <summary>A site added today owes nothing for the year before it joined, until the admin says it reported earlier.</summary>
    [Fact]
    public async Task ASiteAddedToday_OwesNoPastMonth_UntilTheAdminMovesItsReportingMonthBack()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        var edit = $"/admin/sites/{site}/edit";
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var (_, packsBefore) = await ni.GetAsync($"/sites/{site}/packs");
        var (_, providerBefore) = await ni.GetAsync("/provider");
        var (_, formBefore) = await admin.GetAsync(edit);
        var fields = new Dictionary<string, string> { ["Code"] = site, ["Name"] = world.SiteName(0), ["ServiceType"] = "CareHome", ["IsNew"] = "false", ["ReportingFrom"] = "April" };

        using var notAMonth = await admin.SubmitAsync(edit, edit, fields);
        var threeMonthsBack = TestClock.LastMonth.AddMonths(-2);
        fields["ReportingFrom"] = threeMonthsBack.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var saved = await admin.SubmitAsync(edit, edit, fields);
        var (_, packsAfter) = await ni.GetAsync($"/sites/{site}/packs");
        var (_, providerAfter) = await ni.GetAsync("/provider");

        Assert.Contains($"value=\"{TestClock.Today:yyyy-MM}\"", formBefore, StringComparison.Ordinal);
        Assert.Equal((12, 0), (Count(packsBefore, "<td>Not owed</td>"), Count(packsBefore, "<td>Not received</td>")));
        Assert.DoesNotContain($"<a href=\"/sites/{site}/packs\">the month&#x27;s pack is missing</a>", providerBefore, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/sites/{site}/packs\">no pack has arrived yet, so nothing is evidenced</a>", providerBefore, StringComparison.Ordinal);
        Assert.Contains("&quot;April&quot; is not a month; enter it as year and month", await notAMonth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((9, 3), (Count(packsAfter, "<td>Not owed</td>"), Count(packsAfter, "<td>Not received</td>")));
        Assert.Contains($"<a href=\"/sites/{site}/packs\">the month&#x27;s pack is missing</a>", providerAfter, StringComparison.Ordinal);
    }

    private static int Count(string page, string text) => (page.Length - page.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;

    [Fact]
    public async Task CsvImport_RefusesAnotherProvidersSiteAndAMissingColumn()
    {
        var ours = await TestWorlds.CreateAsync(_factory, sites: 1);
        var theirs = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, ours.Admin);

        using var stolen = await UploadAsync(admin, $"SiteCode,Name,ServiceType\n{theirs.SiteCodes[0]},Taken Over,CareHome\n");
        using var noType = await UploadAsync(admin, $"SiteCode,Name\n{TestWorlds.NewSiteCode()},No Type\n");

        Assert.Contains("registered to another provider", await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Line 1: the header has no ServiceType column", await noType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewSite_WithABadCode_IsRefusedWithTheRightShape()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);

        using var response = await admin.SubmitAsync("/admin/sites/new", "/admin/sites/new", new()
        {
            ["Code"] = "RXH01",
            ["Name"] = "Ash Court",
            ["ServiceType"] = "CareHome",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("it looks like 1-123456789", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeactivatedSite_StaysReadable()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        var code = world.SiteCodes[1];

        using var confirm = await admin.Client.GetAsync(new Uri($"/admin/sites/{code}/deactivate", UriKind.Relative));
        using var deactivated = await admin.SubmitAsync($"/admin/sites/{code}/deactivate", $"/admin/sites/{code}/deactivate", []);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var (status, page) = await ni.GetAsync($"/sites/{code}");

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Inactive", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_LetsAnExistingCommissionerReadTheSite_AndRevokeEndsIt()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);
        var code = world.SiteCodes[0];

        using var granted = await admin.SubmitAsync("/admin/grants", "/admin/grants", new() { ["commissionerEmail"] = world.Commissioner, ["siteCode"] = code });
        var afterGrant = (await commissioner.GetAsync($"/sites/{code}")).Status;
        var (_, grants) = await admin.GetAsync("/admin/grants?filter=" + code);
        var grantId = System.Text.RegularExpressions.Regex.Match(grants, "/admin/grants/([0-9a-f-]{36})/revoke").Groups[1].Value;
        using var revoked = await admin.SubmitAsync($"/admin/grants/{grantId}/revoke", $"/admin/grants/{grantId}/revoke", []);
        var afterRevoke = (await commissioner.GetAsync($"/sites/{code}")).Status;

        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterGrant);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterRevoke);
    }

    [Fact]
    public async Task Grant_ToSomeoneWhoIsNotACommissioner_IsRefused()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var admin = await PortalSession.SignInAsync(_factory, world.Admin);

        using var response = await admin.SubmitAsync("/admin/grants", "/admin/grants", new() { ["commissionerEmail"] = world.RegisteredManager, ["siteCode"] = world.SiteCodes[0] });

        Assert.Contains("no commissioner account with the email", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(PortalSession session, string csv, string page = "/admin/sites/import")
    {
        var token = await session.TokenFromAsync(page);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "sites.csv");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await session.Client.PostAsync(new Uri(page, UriKind.Relative), form);
    }
}
