using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>Whatever a signed-in user sends, the answer is a 4xx that names the problem, never a 500, and nothing is half-written.</summary>
public sealed class HostileRequestTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public HostileRequestTests(PortalFactory factory) => _factory = factory;

    public static TheoryData<string, byte[], string> HostileWorkbooks => new()
    {
        { "100,000-deep nesting", HostileFiles.DeepNesting(100_000), "nests its XML more than 32 levels deep" },
        { "10,000-deep nesting", HostileFiles.DeepNesting(10_000), "nests its XML more than 32 levels deep" },
        { "an external link", HostileFiles.ExternalLink(), "a link to another workbook (part xl/externalLinks/externalLink1.xml)" },
        { "a DDE formula", HostileFiles.Formula("cmd|' /C calc'!A0"), "Pack!B2: the formula calls another program (DDE)" },
        { "HYPERLINK to a file", HostileFiles.Formula("HYPERLINK(\"file:///C:/Windows/System32/calc.exe\",\"open\")"), "Pack!B2: the formula uses HYPERLINK" },
        { "an OLE object", HostileFiles.OleObject(), "an embedded object (OLE) (part xl/embeddings/oleObject1.bin)" },
        { "a Word document", HostileFiles.WordDocument(), "The file is a Word document, not an Excel workbook" },
        { "an OPC package without a workbook", HostileFiles.PackageWithoutWorkbook(), "an Office package with no workbook in it" },
        { "random bytes", HostileFiles.RandomBytes(), "it is not the zip package every .xlsx is" },
        { "a misnamed sheet", new PackWorkbook().Rename("Actions", "Actionz").Build(), "Actionz: this looks like the \"Actions\" sheet with its name changed" },
    };

    [Theory]
    [MemberData(nameof(HostileWorkbooks))]
    public async Task AHostileWorkbook_IsRefusedWithItsMessage_AndNothingIsImported(string what, byte[] workbook, string message)
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var refused = await manager.UploadPackAsync(site, workbook);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, $"{what} was answered {(int)refused.StatusCode}.");
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Equal(0, await PackVersionsAsync(site));
    }

    [Fact]
    public async Task AnEmptyWorkbook_Is422()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        using var refused = await manager.UploadPackAsync(world.SiteCodes[0], [], fileName: "november.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("november.xlsx is empty", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/provider?month=0001-01", "Month must be a month written YYYY-MM between 2000-01 and 2099-12; &quot;0001-01&quot; is not.")]
    [InlineData("/provider?month=november", "Month must be a month written YYYY-MM")]
    [InlineData("/challenges?openDays=800000", "The field OpenDays must be between 1 and 36500.")]
    [InlineData("/challenges?page=0", "The field Page must be between 1 and 1000000.")]
    [InlineData("/provider?heatPage=-3", "The field HeatPage must be between 1 and 100000.")]
    [InlineData("/trail-audit?month=9999-99", "month must be a month written YYYY-MM")]
    public async Task AParameterOutOfItsRange_Is400NamingItAndItsRange(string path, string message)
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);

        var (status, body) = await ni.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWrongMethod_Is405_AndItsPageKeepsTheStatus()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);

        var (status, body) = await ni.GetAsync("/account/logout");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Contains("That cannot be done this way", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenOrEmptyMultipartBody_Is400()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        await manager.TokenFromAsync($"/sites/{site}/packs");

        using var emptyBoundary = new ByteArrayContent("--\r\nnothing here\r\n"u8.ToArray());
        emptyBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=");
        using var noBoundary = await manager.Client.PostAsync(new Uri($"/sites/{site}/packs", UriKind.Relative), emptyBoundary);
        using var truncated = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"workbook\"; filename=\"x.xlsx\"\r\n\r\nPK"u8.ToArray());
        truncated.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        using var cutShort = await manager.Client.PostAsync(new Uri($"/sites/{site}/packs", UriKind.Relative), truncated);

        Assert.Equal(HttpStatusCode.BadRequest, noBoundary.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, cutShort.StatusCode);
        Assert.Equal(0, await PackVersionsAsync(site));
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413NamingTheLimit()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var token = await manager.TokenFromAsync($"/sites/{site}/packs");

        using var form = new MultipartFormDataContent();
        var huge = new ByteArrayContent(new byte[70 * 1024 * 1024]);
        huge.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(new PackWorkbook(site).Build()), "workbook", "october.xlsx");
        form.Add(huge, "attachments", "scan.pdf");
        using var response = await manager.Client.PostAsync(new Uri($"/sites/{site}/packs", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("A request may be at most 64 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await PackVersionsAsync(site));
    }

    [Fact]
    public async Task TwoSimultaneousConfirmationsOfAMonth_MakeOneVersion_AndTheLaterIs409()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using var deputy = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        using (var first = await manager.UploadPackAsync(site, new PackWorkbook(site).Build()))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var fromManager = await HeldAsync(manager, site, "Version from the manager");
        var fromDeputy = await HeldAsync(deputy, site, "Version from the deputy");

        // Both have read the month and begin to write version 2 before either commits, every time.
        HttpResponseMessage[] answers;
        using (new TransactionBarrier(2))
        {
            answers = await Task.WhenAll(ConfirmAsync(manager, site, fromManager), ConfirmAsync(deputy, site, fromDeputy));
        }

        var statuses = answers.Select(a => a.StatusCode).Order().ToList();
        var conflict = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], statuses);
        Assert.Contains("another upload for October 2026 finished a moment ago as version 2; upload again to make version 3", WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(2, await PackVersionsAsync(site));
        Array.ForEach(answers, a => a.Dispose());
    }

    /// <summary>Uploads a second version of October and returns what confirming it posts: the held upload's token and the form's antiforgery token.</summary>
    private static async Task<(string Held, string Antiforgery)> HeldAsync(PortalSession session, string site, string actionTitle)
    {
        using var preview = await session.UploadPackAsync(site, new PackWorkbook(site).Set("Actions", 2, "Title", actionTitle).Build());
        var page = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        return (Regex.Match(page, "name=\"token\" value=\"([0-9a-f]{32})\"").Groups[1].Value, await session.TokenFromAsync($"/sites/{site}/packs"));
    }

    private static Task<HttpResponseMessage> ConfirmAsync(PortalSession session, string site, (string Held, string Antiforgery) upload) =>
        session.PostAsync($"/sites/{site}/packs/confirm", [new("token", upload.Held), new("confirmsVersion", "1"), new("__RequestVerificationToken", upload.Antiforgery)]);

    [Fact]
    public async Task AStoredOriginalThatFailsTodaysChecks_IsNeverServedToOthers()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            // A workbook stored before the active-content checks existed, carrying an external link.
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var stored = await db.PackVersions.Where(v => db.Packs.Any(p => p.Id == v.PackId && db.Sites.Any(s => s.Id == p.SiteId && s.Code == site))).Select(v => v.StoredName).SingleAsync();
            await File.WriteAllBytesAsync(Path.Combine(_factory.StorageRoot, stored[..2], stored), HostileFiles.ExternalLink());
        }

        using var download = await ni.Client.GetAsync(new Uri($"/sites/{site}/packs/2026-10/v1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.NotEqual("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
    }

    private async Task<int> PackVersionsAsync(string site)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        return await db.PackVersions.CountAsync(v => db.Packs.Any(p => p.Id == v.PackId && db.Sites.Any(s => s.Id == p.SiteId && s.Code == site)));
    }
}
