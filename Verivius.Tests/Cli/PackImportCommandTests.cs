using Verivius.Tests.Support;

namespace Verivius.Tests.Cli;

/// <summary>The <c>import-pack</c> and <c>packs</c> verbs as an operator runs them.</summary>
public sealed class PackImportCommandTests : OperatorVerbTests
{
    [Fact]
    public async Task ImportPack_ImportsAsTheUser_ReportsEachProblemByCell_AndPacksListsTheVersions()
    {
        await RunAsync("create-provider", "--name", "Pack Care");
        await File.WriteAllTextAsync(Csv, "SiteCode,Name,ServiceType\n1-666000001,Ash House,CareHome\n1-666000002,Birch House,CareHome\n");
        await RunAsync("import-sites", "--provider", "Pack Care", "--file", Csv);
        await RunAsync(["create-user", "--email", "rm@pack.example", "--name", "Priya Shah", "--role", "RegisteredManager", "--provider", "Pack Care", "--sites", "1-666000001", "--password-stdin"], "a long enough password\n");
        var bad = new PackWorkbook("1-666000001").Set("Incidents", 2, "Severity", "Sever").Set("Actions", 2, "Source", "Rumour");
        await File.WriteAllBytesAsync(Workbook, bad.Build());
        var refused = await RunAsync("import-pack", "--file", Workbook, "--user", "rm@pack.example");
        await File.WriteAllBytesAsync(Workbook, new PackWorkbook("1-666000001").Build());
        var imported = await RunAsync("import-pack", "--file", Workbook, "--user", "rm@pack.example");
        var again = await RunAsync("import-pack", "--file", Workbook, "--user", "rm@pack.example");
        await File.WriteAllBytesAsync(Workbook, new PackWorkbook("1-666000002").Build());
        var notTheirs = await RunAsync("import-pack", "--file", Workbook, "--user", "rm@pack.example");
        var packs = await RunAsync("packs", "--site", "1-666000001");

        Assert.Equal(1, refused.Exit);
        Assert.Contains($"Incidents!{bad.Cell("Incidents", "Severity", 2)}: \"Sever\" is not a severity", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"Actions!{bad.Cell("Actions", "Source", 2)}: \"Rumour\" is not a source", refused.Error, StringComparison.Ordinal);
        Assert.Equal((0, true), (imported.Exit, imported.Out.Contains("Imported the 2026-10 pack as version 1", StringComparison.Ordinal)));
        Assert.Equal((0, true), (again.Exit, again.Out.Contains("Unchanged", StringComparison.Ordinal)));
        Assert.Equal((1, true), (notTheirs.Exit, notTheirs.Error.Contains("No site 1-666000002 that you can see.", StringComparison.Ordinal)));
        Assert.Equal(0, packs.Exit);
        Assert.Matches(@"2026-10\s+1\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+Priya Shah\s+[0-9a-f]{64}\s+Actions 1", packs.Out);
    }

    [Fact]
    public async Task ImportPack_DryRunPrintsWhatAVersionWouldChange_AndDroppingTrainingRowsNeedsAllowRemovals()
    {
        await RunAsync("create-provider", "--name", "Dry Care");
        await File.WriteAllTextAsync(Csv, "SiteCode,Name,ServiceType\n1-888000001,Elm House,CareHome\n");
        await RunAsync("import-sites", "--provider", "Dry Care", "--file", Csv);
        await RunAsync(["create-user", "--email", "rm@dry.example", "--role", "RegisteredManager", "--provider", "Dry Care", "--sites", "1-888000001", "--password-stdin"], "a long enough password\n");
        await File.WriteAllBytesAsync(Workbook, new PackWorkbook("1-888000001")
            .Row("Training", ("StaffRef", "ST-02"), ("Role", "Nurse"), ("Course", "Fire safety"), ("Mandatory", "Y"), ("CompletedOn", "2025-06-01"), ("ExpiresOn", "2026-06-01")).Build());
        await RunAsync("import-pack", "--file", Workbook, "--user", "rm@dry.example");
        await File.WriteAllBytesAsync(Workbook, new PackWorkbook("1-888000001").Set("Complaints", 2, "Theme", "Laundry and labels").Build());

        var dryRun = await RunAsync("import-pack", "--file", Workbook, "--user", "rm@dry.example", "--dry-run");
        var refused = await RunAsync("import-pack", "--file", Workbook, "--user", "rm@dry.example");
        var packsAfterRefusal = await RunAsync("packs", "--site", "1-888000001");
        var allowed = await RunAsync("import-pack", "--file", Workbook, "--user", "rm@dry.example", "--allow-removals");

        Assert.Equal(0, dryRun.Exit);
        Assert.Contains("Training: 0 added, 0 changed, 1 would go\n  - would go: ST-02, Fire safety", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains("  ~ changed: CMP-1 (Theme)", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains("challenge would close: TRN-OVERDUE-NO-PLAN", dryRun.Out, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was stored. Importing would make version 2 of the 2026-10 pack.", dryRun.Out, StringComparison.Ordinal);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("Training: this version would remove 1 row that October 2026 holds: ST-02, Fire safety", refused.Error, StringComparison.Ordinal);
        Assert.Contains("run again with --allow-removals", refused.Out, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"2026-10\s+2\s", packsAfterRefusal.Out);
        Assert.Equal((0, true), (allowed.Exit, allowed.Out.Contains("Imported the 2026-10 pack as version 2", StringComparison.Ordinal)));
    }
}
