using System.Net;
using Verivius.Tests.Support;

namespace Verivius.Tests.Web;

public class RecordFormTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public RecordFormTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task AManager_AddsAnActionFromAnIncident_AndTheLinkIsReal()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
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
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
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

    [Fact]
    public async Task AManager_ChangesARisk_ItsActionAndEvidenceAreResolved_AndUnknownOnesAreNamed()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var edit = $"/sites/{site}/records/recovery/R-1/edit";
        var fields = new Dictionary<string, string>
        {
            ["Area"] = "Safeguarding",
            ["Risk"] = "Falls at night",
            ["Trend"] = "Improving",
            ["Owner"] = "Deputy manager",
            ["ReviewRoute"] = "Monthly quality meeting",
            ["ReviewOn"] = "2026-12-01",
            ["CurrentActionRef"] = "ACT-9",
            ["EvidenceRefs"] = "Audits:AUD-1; Feedback:FB-9",
        };

        using var refused = await manager.SubmitAsync(edit, edit, fields);
        fields["CurrentActionRef"] = "ACT-1";
        fields["EvidenceRefs"] = "Audits:AUD-1; Feedback:FB-1";
        using var saved = await manager.SubmitAsync(edit, edit, fields);
        var (_, page) = await manager.GetAsync($"/sites/{site}/records/recovery/R-1");
        var problems = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Contains("\"ACT-9\" is not an action of this site", problems, StringComparison.Ordinal);
        Assert.Contains("\"Feedback:FB-9\" names no record or attachment of this site", problems, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Improving", page, StringComparison.Ordinal);
        Assert.Contains($"Evidence: <a href=\"/sites/{site}/records/feedback/FB-1\">Feedback FB-1</a>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Evidence: <a href=\"/sites/{site}/records/incidents/INC-1\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManager_AddsAStatement_WithEvidenceThatMustExist()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        using var manager = await PortalSession.SignInAsync(_factory, world.RegisteredManager);
        var add = $"/sites/{site}/records/assurance/new";
        var fields = new Dictionary<string, string>
        {
            ["StatementRef"] = "AS-9",
            ["Area"] = "Medication",
            ["Statement"] = "Medicines are given as prescribed",
            ["Rating"] = "Green",
            ["Confidence"] = "Qualified",
            ["EvidenceRefs"] = "Audits:AUD-404",
        };

        using var refused = await manager.SubmitAsync(add, add, fields);
        var afterRefusal = (await manager.GetAsync($"/sites/{site}/records/assurance/AS-9")).Status;
        fields["EvidenceRefs"] = "Audits:AUD-1; Feedback:FB-1";
        using var saved = await manager.SubmitAsync(add, add, fields);
        var (_, page) = await manager.GetAsync($"/sites/{site}/records/assurance/AS-9");

        Assert.Contains("\"Audits:AUD-404\" names no record or attachment of this site", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, afterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"Evidence: <a href=\"/sites/{site}/records/audits/AUD-1\">Audit AUD-1</a>", page, StringComparison.Ordinal);
        Assert.Contains($"Evidence: <a href=\"/sites/{site}/records/feedback/FB-1\">Feedback FB-1</a>", page, StringComparison.Ordinal);
    }
}
