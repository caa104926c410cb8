using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.History;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

/// <summary>
/// The challenge engine as the portal runs it: after an import, again on demand with nothing changed,
/// when a condition clears and returns; the registers, the export and who may see them.
/// </summary>
public class ChallengeRegisterTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public ChallengeRegisterTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task ImportingAPack_RaisesTheSitesChallenges_AndCheckingAgainUnchanged_ChangesNothing()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        var raised = await ChallengesAsync(site);
        var logBefore = await CountAsync<ChangeLogEntry>();
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        using var check = await manager.SubmitAsync($"/sites/{site}/challenges", $"/sites/{site}/challenges/run", []);
        var (_, register) = await manager.GetAsync($"/sites/{site}/challenges");

        Assert.Contains(raised, c => c.Code == ChallengeCodes.ActOverdue && c.Key == RolledUpFindings.SiteKey && c.SubjectRefs.Contains(new SubjectRef(RecordKind.Actions, "ACT-1")) && c.Status == ChallengeStatus.Open);
        Assert.Equal(HttpStatusCode.Redirect, check.StatusCode);
        Assert.Contains("1 site(s) checked: 0 challenge(s) raised, 0 changed, 0 reopened, 0 closed as condition cleared.", register, StringComparison.Ordinal);
        Assert.Equal(logBefore, await CountAsync<ChangeLogEntry>());
        Assert.Equal(raised.Select(c => (c.Id, c.Status, c.Finding)), (await ChallengesAsync(site)).Select(c => (c.Id, c.Status, c.Finding)));
        Assert.Contains("ACT-OVERDUE", register, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConditionThatClears_IsClosedAsConditionCleared_AndWhenItReturns_TheSameChallengeReopens()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var overdue = (await ChallengesAsync(site)).Single(c => c.Code == ChallengeCodes.ActOverdue && c.Key == RolledUpFindings.SiteKey && c.SubjectRefs.Contains(new SubjectRef(RecordKind.Actions, "ACT-1")));

        var close = $"/sites/{site}/records/actions/ACT-1/close";
        using var closed = await manager.SubmitAsync(close, close, new() { ["ClosedOn"] = "2026-10-20", ["Outcome"] = "Plans refreshed and checked", ["EvidenceRef"] = "Audits:AUD-1" });
        var cleared = (await ChallengesAsync(site)).Single(c => c.Id == overdue.Id);

        var resent = await TestWorlds.ImportPackAsync(_factory, world.RegisteredManager, site, new PackWorkbook(site).Set("Pack", 4, "Value", "Registered manager (corrected)").Build());
        var reopened = (await ChallengesAsync(site)).Single(c => c.Id == overdue.Id);

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(ChallengeStatus.Closed, cleared.Status);
        Assert.Equal(Challenge.ConditionClearedReason, cleared.ClosedReason);
        Assert.Equal(1, resent.Challenges!.Reopened);
        Assert.Equal(ChallengeStatus.Open, reopened.Status);
        Assert.Equal(
            [ChallengeEventKind.Raised, ChallengeEventKind.ConditionCleared, ChallengeEventKind.Reopened],
            reopened.History.OrderBy(e => e.CreatedAt).Select(e => e.Kind));
        Assert.Single(await ChallengesAsync(site), c => c.Code == ChallengeCodes.ActOverdue && c.Key == RolledUpFindings.SiteKey && c.SubjectRefs.Contains(new SubjectRef(RecordKind.Actions, "ACT-1")));
    }

    [Fact]
    public async Task TheRegisters_FilterByCodeSeverityStatusAndSite_AndAManagerSeesOnlyTheirSites()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, world.SiteCodes[0], new PackWorkbook(world.SiteCodes[0]).Build());
        await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, world.SiteCodes[1], new PackWorkbook(world.SiteCodes[1]).Build());
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        var (_, everything) = await ni.GetAsync("/challenges");
        var (_, overdueAtSecond) = await ni.GetAsync($"/challenges?code=ACT-OVERDUE&site={world.SiteCodes[1]}");
        var (_, lowOnly) = await ni.GetAsync("/challenges?severity=Low&status=all");
        var (_, managers) = await manager.GetAsync("/challenges");

        Assert.Contains(world.SiteName(0), everything, StringComparison.Ordinal);
        Assert.Contains(world.SiteName(1), everything, StringComparison.Ordinal);
        Assert.Contains("Action ACT-1", overdueAtSecond, StringComparison.Ordinal);
        Assert.DoesNotContain($">{world.SiteName(0)}</a></td>", overdueAtSecond, StringComparison.Ordinal);
        Assert.DoesNotContain("text-bg-danger", lowOnly, StringComparison.Ordinal);
        Assert.Contains(world.SiteName(0), managers, StringComparison.Ordinal);
        Assert.DoesNotContain($">{world.SiteName(1)}</a></td>", managers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommissioner_CannotSeeAnyRegister_ChallengeOrExport()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        // The world's commissioner commissions its last site, which is this one: they may read the site, not its challenges.
        var challenge = (await ChallengesAsync(site))[0];
        using var commissioner = await PortalSession.SignInAsync(_factory, world.Commissioner);

        Assert.Equal(HttpStatusCode.OK, (await commissioner.GetAsync($"/sites/{site}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync("/challenges")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/sites/{site}/challenges")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync($"/sites/{site}/challenges/{challenge.Id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await commissioner.GetAsync("/challenges/export.csv")).Status);
    }

    [Fact]
    public async Task TheExport_HasTheContractColumns_OnlyTheUsersScope_AndEscapesCellsThatWouldBeFormulas()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);
        var mine = world.SiteCodes[0];
        await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, mine, new PackWorkbook(mine).Build());
        await TestWorlds.ImportPackAsync(_factory, world.NominatedIndividual, world.SiteCodes[1], new PackWorkbook(world.SiteCodes[1]).Build());
        using var ni = await PortalSession.SignInAsync(_factory, world.NominatedIndividual);
        var raise = $"/sites/{mine}/challenges/new?subject=Incidents:INC-1";
        using var raised = await ni.SubmitAsync(raise, $"/sites/{mine}/challenges/new", new()
        {
            ["Subject"] = "Incidents:INC-1",
            ["Severity"] = "High",
            ["Finding"] = "=HYPERLINK(\"http://example.test\",\"Click\")",
            ["Resolution"] = "-1+1 is not an answer",
        });
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);

        var csv = await CsvAsync(manager, "/challenges/export.csv?status=active");
        var manual = await CsvAsync(ni, $"/challenges/export.csv?site={mine}&status=Open");
        using var badStatus = await ni.Client.GetAsync(new Uri("/challenges/export.csv?status=Pending", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Equal("Code,SiteCode,Severity,Status,Subject,Finding,RaisedOn,UpdatedOn,OpenSince", csv[0]);
        Assert.All(csv.Skip(1), line => Assert.Contains($",{mine},", line, StringComparison.Ordinal));
        Assert.Contains(manual, line => line.StartsWith("MANUAL,", StringComparison.Ordinal) && line.Contains(",\"'=HYPERLINK(\"\"http://example.test\"\",\"\"Click\"\")\",", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("\"Pending\" is not a status", await badStatus.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> CsvAsync(PortalSession session, string path)
    {
        using var response = await session.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("challenges.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }

    private async Task<List<Challenge>> ChallengesAsync(string siteCode)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var siteId = await db.Sites.Where(s => s.Code == siteCode).Select(s => s.Id).SingleAsync();
        return await db.Challenges.AsNoTracking().Include(c => c.History).Where(c => c.SiteId == siteId).OrderBy(c => c.Code).ThenBy(c => c.Key).ToListAsync();
    }

    private async Task<int> CountAsync<T>()
        where T : class
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VeriviusDbContext>().Set<T>().CountAsync();
    }
}
