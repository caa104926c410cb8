using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Features.Packs;
using Verivius.Web.Security;

namespace Verivius.Tests.Web;

public class ActionFormTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public ActionFormTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task AManager_AddsAnActionFromAnIncident_AndTheLinkIsReal()
    {
        var (world, site) = await ImportedSiteAsync();
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        using var saved = await manager.SubmitAsync($"/sites/{site}/records/actions/new", $"/sites/{site}/records/actions/new", new()
        {
            ["ActionRef"] = "ACT-50",
            ["Title"] = "Check bed rails on every night round",
            ["Source"] = "Incident",
            ["SourceRef"] = "inc-1",
            ["Owner"] = "Night senior",
            ["RaisedOn"] = "2026-11-02",
            ["DueOn"] = "2026-11-16",
        });
        var (_, page) = await manager.GetAsync($"/sites/{site}/records/actions/ACT-50");
        using var duplicate = await manager.SubmitAsync($"/sites/{site}/records/actions/new", $"/sites/{site}/records/actions/new", new()
        {
            ["ActionRef"] = "ACT-50",
            ["Title"] = "Again",
            ["Source"] = "Other",
            ["RaisedOn"] = "2026-11-02",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"Raised from: <a href=\"/sites/{site}/records/incidents/INC-1\">Incident INC-1</a>", page, StringComparison.Ordinal);
        Assert.Contains("This site already has an action ACT-50", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosingAnAction_NeedsAnOutcomeAndEvidenceThatExists()
    {
        var (world, site) = await ImportedSiteAsync();
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var close = $"/sites/{site}/records/actions/ACT-1/close";

        using var noEvidence = await manager.SubmitAsync(close, close, new() { ["ClosedOn"] = "2026-10-20", ["Outcome"] = "Done" });
        using var wrongEvidence = await manager.SubmitAsync(close, close, new() { ["ClosedOn"] = "2026-10-20", ["Outcome"] = "Done", ["EvidenceRef"] = "Audits:AUD-404" });
        using var tooEarly = await manager.SubmitAsync(close, close, new() { ["ClosedOn"] = "2026-09-01", ["Outcome"] = "Done", ["EvidenceRef"] = "Audits:AUD-1" });
        using var closed = await manager.SubmitAsync(close, close, new() { ["ClosedOn"] = "2026-10-20", ["Outcome"] = "Plans refreshed and checked", ["EvidenceRef"] = "Audits:AUD-1" });
        var (_, page) = await manager.GetAsync($"/sites/{site}/records/actions/ACT-1");

        Assert.Contains("Name the evidence that it was done", await noEvidence.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"Audits:AUD-404\" names no record or attachment of this site", WebUtility.HtmlDecode(await wrongEvidence.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("it cannot close before that", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("<dd class=\"col-sm-8\">Closed</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"Closure evidence: <a href=\"/sites/{site}/records/audits/AUD-1\">Audit AUD-1</a>", page, StringComparison.Ordinal);
    }

    private async Task<(ProviderWorld World, string Site)> ImportedSiteAsync()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var site = world.SiteCodes[0];
        await using var scope = _factory.Services.CreateAsyncScope();
        var userId = await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Users.Where(u => u.Email == world.RegisteredManager).Select(u => u.Id).SingleAsync();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeUser(userId, world.RegisteredManager);
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportPackCommand(site, new PackFile("pack.xlsx", new PackWorkbook(site).Build()), []));
        return (world, site);
    }
}
