using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.History;
using Verivius.Tests.Support;

namespace Verivius.Tests.Cli;

/// <summary>The verbs as an operator runs them: a separate process, against the database its environment names.</summary>
public sealed class OperatorCommandTests : IDisposable
{
    private static readonly string[] Verbs = ["migrate", "create-provider", "create-user", "import-sites", "import-ratings", "verify-history", "checkpoint-history", "verify-storage", "rebuild-figures", "import-pack", "packs", "challenges", "run-challenges"];

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"verivius-cli-{Guid.NewGuid():N}.db");
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"verivius-sites-{Guid.NewGuid():N}.csv");

    public void Dispose()
    {
        TestDatabaseFiles.Delete(_database);
        File.Delete(_csv);
    }

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
        var migrate = await RunAsync("migrate");
        var created = await RunAsync("create-provider", "--name", "Hillside Care");
        var again = await RunAsync("create-provider", "--name", "Hillside Care");
        await File.WriteAllTextAsync(_csv, "SiteCode,Name,ServiceType\n1-555000001,Hill House,CareHome\n1-55,Bad Code,CareHome\n");
        var badSites = await RunAsync("import-sites", "--provider", "Hillside Care", "--file", _csv);
        await File.WriteAllTextAsync(_csv, "SiteCode,Name,ServiceType\n1-555000001,Hill House,CareHome\n1-555000002,Dale View,HomeCare\n");
        var sites = await RunAsync("import-sites", "--provider", "Hillside Care", "--file", _csv);
        var ni = await RunAsync("create-user", "--email", "ni@hillside.example", "--role", "NominatedIndividual", "--provider", "Hillside Care");
        var rm = await RunAsync(["create-user", "--email", "rm@hillside.example", "--role", "registeredmanager", "--provider", "Hillside Care", "--sites", "1-555000002", "--password-stdin"], "the manager's chosen password\n");
        var wrongSite = await RunAsync("create-user", "--email", "rm2@hillside.example", "--role", "RegisteredManager", "--provider", "Hillside Care", "--sites", "1-555000009");
        var noEmail = await RunAsync("create-user", "--role", "NominatedIndividual");
        var badRole = await RunAsync("create-user", "--email", "x@hillside.example", "--role", "Inspector", "--provider", "Hillside Care");
        await File.WriteAllTextAsync(_csv, "SiteCode,Overall,WellLed,PublishedOn,ReportUrl\n1-555000001,Good,Good,2025-04-01,\n1-555000002,Good,Great,2025-04-01,\n");
        var badRatings = await RunAsync("import-ratings", "--provider", "Hillside Care", "--file", _csv);
        await File.WriteAllTextAsync(_csv, "SiteCode,Overall,WellLed,PublishedOn,ReportUrl\n1-555000001,Good,Good,2025-04-01,\n1-555000002,Requires improvement,Inadequate,2019-05-20,https://www.cqc.org.uk/location/1-555000002\n");
        var ratings = await RunAsync("import-ratings", "--provider", "Hillside Care", "--file", _csv);

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
    public async Task VerifyHistory_PassesAWholeChain_AndNamesTheFirstTamperedEntry()
    {
        await RunAsync("create-provider", "--name", "Chain Care");
        await RunAsync("create-provider", "--name", "Second Care");
        var whole = await RunAsync("verify-history");

        await using (var connection = new SqliteConnection($"Data Source={_database}"))
        {
            await connection.OpenAsync();
            await using var tamper = connection.CreateCommand();
            tamper.CommandText = "DROP TRIGGER ChangeLog_NoUpdate; UPDATE ChangeLog SET Actor = 'nobody' WHERE Sequence = 2;";
            await tamper.ExecuteNonQueryAsync();
        }

        var broken = await RunAsync("verify-history");

        // The entries are the assessment framework loaded at start-up and the two providers.
        Assert.Equal((0, true), (whole.Exit, System.Text.RegularExpressions.Regex.IsMatch(whole.Out, @"The change log is whole: \d+ entries checked\.")));
        Assert.Equal(2, broken.Exit);
        Assert.Contains("broken at entry 2", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyHistory_FindsALogCutShort_AgainstACheckpointKeptOutside()
    {
        await RunAsync("create-provider", "--name", "Chain Care");
        var taken = await RunAsync("checkpoint-history");
        var reference = System.Text.RegularExpressions.Regex.Match(taken.Out, @"Checkpoint (\d+:[0-9a-f]{16})").Groups[1].Value;
        await RunAsync("create-provider", "--name", "Later Care");
        var agrees = await RunAsync("verify-history", "--checkpoint", reference);

        // Someone with the database removes the newest entries, the checkpoint's own among them, and every stored checkpoint.
        await ExecuteAsync($"DROP TRIGGER ChangeLog_NoDelete; DELETE FROM ChangeLog WHERE Sequence >= {reference.Split(':')[0]}; DELETE FROM HistoryCheckpoints;");
        var cut = await RunAsync("verify-history", "--checkpoint", reference);
        var withoutTheOutsideCopy = await RunAsync("verify-history");

        Assert.Equal(0, taken.Exit);
        Assert.Equal((0, true), (agrees.Exit, agrees.Out.Contains($"it agrees with checkpoint {reference}", StringComparison.Ordinal)));
        Assert.Equal(2, cut.Exit);
        Assert.Contains("entries were removed from its end", cut.Error, StringComparison.Ordinal);
        Assert.Equal(0, withoutTheOutsideCopy.Exit);
    }

    [Fact]
    public async Task VerifyHistory_FindsAChainRecomputedWithoutTheKey_AndARecordEditedInTheDatabase()
    {
        await RunAsync("create-provider", "--name", "Chain Care");
        await RunAsync("create-provider", "--name", "Second Care");
        var whole = await RunAsync("verify-history", "--records");

        await ExecuteAsync("UPDATE Providers SET Name = 'Renamed behind the back' WHERE Name = 'Second Care';");
        var edited = await RunAsync("verify-history", "--records");
        await RecomputeChainFromAsync(2, ChainKey.New());
        var recomputed = await RunAsync("verify-history");

        Assert.Equal((0, true), (whole.Exit, whole.Out.Contains("every record row matches its last logged state", StringComparison.Ordinal)));
        Assert.Equal(2, edited.Exit);
        Assert.Matches(@"Providers \{""Id"":""[0-9a-f-]+""\} differs from the last state the change log holds \(Name: Second Care → Renamed behind the back\)", edited.Error);
        Assert.Equal(2, recomputed.Exit);
        Assert.Contains("broken at entry 2", recomputed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyStorage_ListsFilesWithoutRecords_AndRecordsWithoutFiles()
    {
        var workbook = Path.Combine(Path.GetTempPath(), $"verivius-pack-{Guid.NewGuid():N}.xlsx");
        try
        {
            await ProviderWithOneImportedPackAsync("Store Care", "1-888000001", "Ash House", "rm@store.example", workbook);
            var whole = await RunAsync("verify-storage");

            var stored = Directory.GetFiles(_database + ".files", "*", SearchOption.AllDirectories).Single();
            File.Delete(stored);
            var stray = Path.Combine(_database + ".files", "ab", "ab" + new string('0', 30));
            Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
            await File.WriteAllTextAsync(stray, "left behind");
            var broken = await RunAsync("verify-storage");

            Assert.Equal((0, true), (whole.Exit, whole.Out.Contains("1 stored file(s): 0 without a record, 0 record(s) without their file", StringComparison.Ordinal)));
            Assert.Equal(2, broken.Exit);
            Assert.Contains($"File without a record: {Path.GetFileName(stray)}", broken.Error, StringComparison.Ordinal);
            Assert.Contains($"Record without its file: pack workbook {Path.GetFileName(workbook)}, version 1 (file {Path.GetFileName(stored)})", broken.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(workbook);
        }
    }

    [Fact]
    public async Task RebuildFigures_FindsAMonthEditedBehindTheRecords_AndCountsItAgain()
    {
        var workbook = Path.Combine(Path.GetTempPath(), $"verivius-pack-{Guid.NewGuid():N}.xlsx");
        try
        {
            await ProviderWithOneImportedPackAsync("Count Care", "1-777000001", "Ash House", "rm@count.example", workbook);
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
        finally
        {
            File.Delete(workbook);
        }
    }

    [Fact]
    public async Task TrailAudit_TracesACompleteMonth_AndRefusesOneNotYetOverByThePortalsClock()
    {
        var workbook = Path.Combine(Path.GetTempPath(), $"verivius-pack-{Guid.NewGuid():N}.xlsx");
        try
        {
            await ProviderWithOneImportedPackAsync("Trail Care", "1-555000001", "Ash House", "rm@trail.example", workbook);

            var october = await RunAsync("trail-audit", "--site", "1-555000001", "--month", "2026-10");
            // The subprocess runs on the real clock, as this test reads it.
            var thisMonth = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var lastMonth = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var unfinished = await RunAsync("trail-audit", "--site", "1-555000001", "--month", thisMonth);
            var unreadable = await RunAsync("trail-audit", "--site", "1-555000001", "--month", "2026-13");

            Assert.Equal(0, october.Exit);
            Assert.StartsWith("Trail audit of 2026-10 at Ash House (1-555000001):", october.Out, StringComparison.Ordinal);
            Assert.Contains("Incident", october.Out, StringComparison.Ordinal);
            Assert.Equal((1, $"--month must be a complete month written YYYY-MM, such as {lastMonth}; \"{thisMonth}\" is not."), (unfinished.Exit, unfinished.Error.Trim()));
            Assert.Equal((1, $"--month must be a complete month written YYYY-MM, such as {lastMonth}; \"2026-13\" is not."), (unreadable.Exit, unreadable.Error.Trim()));
        }
        finally
        {
            File.Delete(workbook);
        }
    }

    [Fact]
    public async Task ImportPack_ImportsAsTheUser_ReportsEachProblemByCell_AndPacksListsTheVersions()
    {
        var workbook = Path.Combine(Path.GetTempPath(), $"verivius-pack-{Guid.NewGuid():N}.xlsx");
        try
        {
            await RunAsync("create-provider", "--name", "Pack Care");
            await File.WriteAllTextAsync(_csv, "SiteCode,Name,ServiceType\n1-666000001,Ash House,CareHome\n1-666000002,Birch House,CareHome\n");
            await RunAsync("import-sites", "--provider", "Pack Care", "--file", _csv);
            await RunAsync(["create-user", "--email", "rm@pack.example", "--name", "Priya Shah", "--role", "RegisteredManager", "--provider", "Pack Care", "--sites", "1-666000001", "--password-stdin"], "a long enough password\n");
            var bad = new PackWorkbook("1-666000001").Set("Incidents", 2, "Severity", "Sever").Set("Actions", 2, "Source", "Rumour");
            await File.WriteAllBytesAsync(workbook, bad.Build());
            var refused = await RunAsync("import-pack", "--file", workbook, "--user", "rm@pack.example");
            await File.WriteAllBytesAsync(workbook, new PackWorkbook("1-666000001").Build());
            var imported = await RunAsync("import-pack", "--file", workbook, "--user", "rm@pack.example");
            var again = await RunAsync("import-pack", "--file", workbook, "--user", "rm@pack.example");
            await File.WriteAllBytesAsync(workbook, new PackWorkbook("1-666000002").Build());
            var notTheirs = await RunAsync("import-pack", "--file", workbook, "--user", "rm@pack.example");
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
        finally
        {
            File.Delete(workbook);
        }
    }

    [Fact]
    public async Task ImportPack_DryRunPrintsWhatAVersionWouldChange_AndDroppingTrainingRowsNeedsAllowRemovals()
    {
        var workbook = Path.Combine(Path.GetTempPath(), $"verivius-pack-{Guid.NewGuid():N}.xlsx");
        try
        {
            await RunAsync("create-provider", "--name", "Dry Care");
            await File.WriteAllTextAsync(_csv, "SiteCode,Name,ServiceType\n1-888000001,Elm House,CareHome\n");
            await RunAsync("import-sites", "--provider", "Dry Care", "--file", _csv);
            await RunAsync(["create-user", "--email", "rm@dry.example", "--role", "RegisteredManager", "--provider", "Dry Care", "--sites", "1-888000001", "--password-stdin"], "a long enough password\n");
            await File.WriteAllBytesAsync(workbook, new PackWorkbook("1-888000001")
                .Row("Training", ("StaffRef", "ST-02"), ("Role", "Nurse"), ("Course", "Fire safety"), ("Mandatory", "Y"), ("CompletedOn", "2025-06-01"), ("ExpiresOn", "2026-06-01")).Build());
            await RunAsync("import-pack", "--file", workbook, "--user", "rm@dry.example");
            await File.WriteAllBytesAsync(workbook, new PackWorkbook("1-888000001").Set("Complaints", 2, "Theme", "Laundry and labels").Build());

            var dryRun = await RunAsync("import-pack", "--file", workbook, "--user", "rm@dry.example", "--dry-run");
            var refused = await RunAsync("import-pack", "--file", workbook, "--user", "rm@dry.example");
            var packsAfterRefusal = await RunAsync("packs", "--site", "1-888000001");
            var allowed = await RunAsync("import-pack", "--file", workbook, "--user", "rm@dry.example", "--allow-removals");

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
        finally
        {
            File.Delete(workbook);
        }
    }

    [Fact]
    public async Task Challenges_PrintsASitesOpenChallengesAsOfADay_InTheExportColumns_AndRunChallengesBringsTheRegisterUpToDate()
    {
        var workbook = Path.Combine(Path.GetTempPath(), $"verivius-pack-{Guid.NewGuid():N}.xlsx");
        try
        {
            await ProviderWithOneImportedPackAsync("Rule Care", "1-777000001", "Oak House", "rm@rule.example", workbook);

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
        finally
        {
            File.Delete(workbook);
        }
    }

    [Fact]
    public async Task UnknownVerb_FailsAndSaysSo()
    {
        var result = await RunAsync("make-coffee");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains("make-coffee", result.Error, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A provider with one care home and its registered manager, who has imported the default pack (October 2026) from <paramref name="workbook"/>.</summary>
    private async Task ProviderWithOneImportedPackAsync(string provider, string siteCode, string siteName, string manager, string workbook)
    {
        await RunAsync("create-provider", "--name", provider);
        await File.WriteAllTextAsync(_csv, $"SiteCode,Name,ServiceType\n{siteCode},{siteName},CareHome\n");
        await RunAsync("import-sites", "--provider", provider, "--file", _csv);
        await RunAsync(["create-user", "--email", manager, "--role", "RegisteredManager", "--provider", provider, "--sites", siteCode, "--password-stdin"], "a long enough password\n");
        await File.WriteAllBytesAsync(workbook, new PackWorkbook(siteCode).Build());
        await RunAsync("import-pack", "--file", workbook, "--user", manager);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>What someone with the database but not the key would do: edit an entry and reseal it and every later one under a key of their own.</summary>
    private async Task RecomputeChainFromAsync(long sequence, ChainKey theirs)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Verivius.Infrastructure.Persistence.SqliteVeriviusDbContext>().UseSqlite($"Data Source={_database}").Options;
        await using var db = new Verivius.Infrastructure.Persistence.SqliteVeriviusDbContext(options);
        var entries = await db.ChangeLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        var sql = new System.Text.StringBuilder("DROP TRIGGER ChangeLog_NoUpdate;");
        for (var i = (int)sequence - 1; i < entries.Count; i++)
        {
            var entry = entries[i];
            Set(entry, nameof(ChangeLogEntry.Actor), i == sequence - 1 ? "nobody" : entry.Actor);
            Set(entry, nameof(ChangeLogEntry.PreviousHash), entries[i - 1].Hash);
            Set(entry, nameof(ChangeLogEntry.Hash), ChangeLogChain.SealOf(entry, theirs));
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"UPDATE ChangeLog SET Actor = '{entry.Actor}', PreviousHash = '{entry.PreviousHash}', Hash = '{entry.Hash}' WHERE Sequence = {entry.Sequence};");
        }

        await ExecuteAsync(sql.ToString());

        static void Set(ChangeLogEntry entry, string property, object value) =>
            typeof(ChangeLogEntry).GetProperty(property)!.SetValue(entry, value);
    }

    private Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunAsync(args, null);

    private async Task<(int Exit, string Out, string Error)> RunAsync(string[] args, string? input)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Verivius.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Verivius"] = $"Data Source={_database}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Storage__Root"] = _database + ".files";
        start.Environment["History__ChainKeyFile"] = _database + ".key";
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }
}
