using Verivius.Tests.Support;

namespace Verivius.Tests.Cli;

/// <summary>Setting a provider up, the challenge verbs, the trail audit and the figures' rebuild, as an operator runs them.</summary>
public sealed class OperatorCommandTests : OperatorVerbTests
{
    private static readonly string[] Verbs = ["migrate", "create-provider", "create-user", "import-sites", "import-ratings", "verify-history", "checkpoint-history", "verify-storage", "rebuild-figures", "import-pack", "packs", "challenges", "run-challenges"];

    [Fact]
    public async Task Help_ListsTheVerbs()
    {
        var help = await RunAsync("--help");

        Assert.Equal(0, help.Exit);
        Assert.All(Verbs, verb => Assert.Contains(verb, help.Out, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOperator_SetsUpAProviderFromNothing_AndEveryMistakeIsRefusedWithAPlainMessage()
    {
        TestDatabaseFiles.Delete(Database);
        var migrate = await RunAsync("migrate");
        var created = await RunAsync("create-provider", "--name", "Hillside Care");
        var again = await RunAsync("create-provider", "--name", "Hillside Care");
        await File.WriteAllTextAsync(Csv, "SiteCode,Name,ServiceType\n1-555000001,Hill House,CareHome\n1-55,Bad Code,CareHome\n");
        var badSites = await RunAsync("import-sites", "--provider", "Hillside Care", "--file", Csv);
        await File.WriteAllTextAsync(Csv, "SiteCode,Name,ServiceType\n1-555000001,Hill House,CareHome\n1-555000002,Dale View,HomeCare\n");
        var sites = await RunAsync("import-sites", "--provider", "Hillside Care", "--file", Csv);
        var ni = await RunAsync("create-user", "--email", "ni@hillside.example", "--role", "NominatedIndividual", "--provider", "Hillside Care");
        var rm = await RunAsync(["create-user", "--email", "rm@hillside.example", "--role", "registeredmanager", "--provider", "Hillside Care", "--sites", "1-555000002", "--password-stdin"], "the manager's chosen password\n");
        var wrongSite = await RunAsync("create-user", "--email", "rm2@hillside.example", "--role", "RegisteredManager", "--provider", "Hillside Care", "--sites", "1-555000009");
        var noEmail = await RunAsync("create-user", "--role", "NominatedIndividual");
        var badRole = await RunAsync("create-user", "--email", "x@hillside.example", "--role", "Inspector", "--provider", "Hillside Care");
        await File.WriteAllTextAsync(Csv, "SiteCode,Overall,WellLed,PublishedOn,ReportUrl\n1-555000001,Good,Good,2025-04-01,\n1-555000002,Good,Great,2025-04-01,\n");
        var badRatings = await RunAsync("import-ratings", "--provider", "Hillside Care", "--file", Csv);
        await File.WriteAllTextAsync(Csv, "SiteCode,Overall,WellLed,PublishedOn,ReportUrl\n1-555000001,Good,Good,2025-04-01,\n1-555000002,Requires improvement,Inadequate,2019-05-20,https://www.cqc.org.uk/location/1-555000002\n");
        var ratings = await RunAsync("import-ratings", "--provider", "Hillside Care", "--file", Csv);

        Assert.Equal((0, true), (migrate.Exit, migrate.Out.Contains("Applied", StringComparison.Ordinal)));
        Assert.Equal(0, created.Exit);
        Assert.Equal((1, true), (again.Exit, again.Error.Contains("There is already a provider called \"Hillside Care\"", StringComparison.Ordinal)));
        Assert.Equal((1, true), (badSites.Exit, badSites.Error.Contains("Line 3: \"1-55\" is not a CQC location ID", StringComparison.Ordinal)));
        Assert.Equal((0, true), (sites.Exit, sites.Out.Contains("2 site(s) added", StringComparison.Ordinal)));
        Assert.Equal(0, ni.Exit);
        Assert.Contains("An invitation with a link to choose a password is in the outbox for them.", ni.Out, StringComparison.Ordinal);
        Assert.Equal((0, true), (rm.Exit, rm.Out.Contains("with the password given", StringComparison.Ordinal)));
        Assert.Equal((1, true), (wrongSite.Exit, wrongSite.Error.Contains("There is no site 1-555000009 in this provider.", StringComparison.Ordinal)));
        Assert.NotEqual(0, noEmail.Exit);
        Assert.Contains("--email", noEmail.Error, StringComparison.Ordinal);
        Assert.Equal((1, true), (badRole.Exit, badRole.Error.Contains("\"Inspector\" is not a role", StringComparison.Ordinal)));
        Assert.Equal((1, true), (badRatings.Exit, badRatings.Error.Contains("Line 3: WellLed \"Great\" is not one of CQC's ratings", StringComparison.Ordinal)));
        Assert.Equal((0, true), (ratings.Exit, ratings.Out.Contains("CQC's ratings of 2 site(s) recorded", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RebuildFigures_FindsAMonthEditedBehindTheRecords_AndCountsItAgain()
    {
        await ProviderWithOneImportedPackAsync();
        var october = "SELECT Incidents FROM SiteMonthFigures WHERE Month = '2026-10-01'";
        var counted = await ScalarAsync(october);
        var agreed = await RunAsync("rebuild-figures");

        // A running portal keeps the figures it computed by the change history's head, which an edit behind the records does not move; the recount must.
        var head = "SELECT MAX(Sequence) FROM ChangeLog";
        var headBefore = await ScalarAsync(head);
        await ExecuteAsync("UPDATE SiteMonthFigures SET Incidents = 99 WHERE Month = '2026-10-01';");
        var differed = await RunAsync("rebuild-figures");

        Assert.Equal((0, true), (agreed.Exit, agreed.Out.Contains("Counted the monthly figures of 1 site(s) from their records: every kept month agreed.", StringComparison.Ordinal)));
        Assert.Equal((0, true), (differed.Exit, differed.Out.Contains("1 kept month(s) differed and were replaced.", StringComparison.Ordinal)));
        Assert.Equal(counted, await ScalarAsync(october));
        Assert.NotEqual(99L, counted);
        Assert.True(await ScalarAsync(head) > headBefore, "The recount did not move the change history's head.");
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM FiguresRecounts WHERE MonthsReplaced = 1 AND SitesCounted = 1 AND CreatedBy = 'operator (command line)'"));
    }

    [Fact]
    public async Task TrailAudit_TracesACompleteMonth_AndRefusesOneNotYetOverByThePortalsClock()
    {
        await ProviderWithOneImportedPackAsync();

        var october = await RunAsync("trail-audit", "--site", ImportedSite, "--month", "2026-10");
        // The subprocess runs on the real clock, as this test reads it.
        var thisMonth = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var lastMonth = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var unfinished = await RunAsync("trail-audit", "--site", ImportedSite, "--month", thisMonth);
        var unreadable = await RunAsync("trail-audit", "--site", ImportedSite, "--month", "2026-13");

        Assert.Equal(0, october.Exit);
        Assert.StartsWith($"Trail audit of 2026-10 at Ash House ({ImportedSite}):", october.Out, StringComparison.Ordinal);
        Assert.Contains("Incident", october.Out, StringComparison.Ordinal);
        Assert.Equal((1, $"--month must be a complete month written YYYY-MM, such as {lastMonth}; \"{thisMonth}\" is not."), (unfinished.Exit, unfinished.Error.Trim()));
        Assert.Equal((1, $"--month must be a complete month written YYYY-MM, such as {lastMonth}; \"2026-13\" is not."), (unreadable.Exit, unreadable.Error.Trim()));
    }

    [Fact]
    public async Task Challenges_PrintsASitesOpenChallengesAsOfADay_InTheExportColumns_AndRunChallengesBringsTheRegisterUpToDate()
    {
        await ProviderWithOneImportedPackAsync();

        // ACT-1 of the default pack is due on 30 October 2026: 14 days late is not yet overdue, 15 is; it has been overdue since the deadline plus those 14 days.
        var beforeOverdue = await RunAsync("challenges", "--site", "1-777000001", "--asof", "2026-11-13", "--format", "csv");
        var overdue = await RunAsync("challenges", "--site", "1-777000001", "--asof", "2026-11-14", "--format", "csv");
        var table = await RunAsync("challenges", "--site", "1-777000001", "--asof", "2026-11-14");
        var badDate = await RunAsync("challenges", "--site", "1-777000001", "--asof", "14/11/2026");
        var noSite = await RunAsync("challenges", "--site", "1-777000009");
        var run = await RunAsync("run-challenges", "--asof", "2026-11-14");
        var runAgain = await RunAsync("run-challenges", "--asof", "2026-11-14");

        Assert.Equal(0, overdue.Exit);
        var lines = overdue.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Code,SiteCode,Severity,Status,Subject,Finding,RaisedOn,UpdatedOn,OpenSince", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("ACT-OVERDUE,1-777000001,Medium,Open,Actions:ACT-1,", StringComparison.Ordinal) && l.EndsWith(",2026-11-14,2026-11-14,2026-11-13", StringComparison.Ordinal));
        Assert.DoesNotContain("ACT-OVERDUE", beforeOverdue.Out, StringComparison.Ordinal);
        Assert.Matches(@"ACT-OVERDUE\s+Medium\s+Open\s+2026-11-13\s+Action ACT-1", table.Out);
        Assert.Equal((1, true), (badDate.Exit, badDate.Error.Contains("--asof must be a date written YYYY-MM-DD", StringComparison.Ordinal)));
        Assert.Equal((1, true), (noSite.Exit, noSite.Error.Contains("No site 1-777000009", StringComparison.Ordinal)));
        Assert.Equal(0, run.Exit);
        Assert.Matches(@"1 site\(s\) checked: \d+ challenge\(s\) raised", run.Out);
        Assert.Contains("1 site(s) checked: 0 challenge(s) raised, 0 changed, 0 reopened, 0 closed as condition cleared.", runAgain.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownVerb_FailsAndSaysSo()
    {
        var result = await RunAsync("make-coffee");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("make-coffee", result.Error, StringComparison.Ordinal);
    }
}
