using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.History;
using Verivius.Tests.Support;

namespace Verivius.Tests.Cli;

/// <summary>The verbs that check the change history and the stored files, as an operator runs them.</summary>
public sealed class IntegrityCommandTests : OperatorVerbTests
{
    [Fact]
    public async Task VerifyHistory_PassesAWholeChain_AndNamesTheFirstTamperedEntry()
    {
        await RunAsync("create-provider", "--name", "Chain Care");
        await RunAsync("create-provider", "--name", "Second Care");
        var whole = await RunAsync("verify-history");

        await using (var connection = new SqliteConnection($"Data Source={Database}"))
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
        Assert.True(reference.Length > 0, $"checkpoint-history printed no checkpoint (exit {taken.Exit}): {taken.Out}{taken.Error}");
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
        await ProviderWithOneImportedPackAsync();
        var whole = await RunAsync("verify-storage");

        var stored = Directory.GetFiles(Database + ".files", "*", SearchOption.AllDirectories).Single();
        File.Delete(stored);
        var stray = Path.Combine(Database + ".files", "ab", "ab" + new string('0', 30));
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        await File.WriteAllTextAsync(stray, "left behind");
        var broken = await RunAsync("verify-storage");

        Assert.Equal((0, true), (whole.Exit, whole.Out.Contains("1 stored file(s): 0 without a record, 0 record(s) without their file", StringComparison.Ordinal)));
        Assert.Equal(2, broken.Exit);
        Assert.Contains($"File without a record: {Path.GetFileName(stray)}", broken.Error, StringComparison.Ordinal);
        Assert.Contains($"Record without its file: pack workbook {ImportedWorkbook}, version 1 (file {Path.GetFileName(stored)})", broken.Error, StringComparison.Ordinal);
    }

    /// <summary>What someone with the database but not the key would do: edit an entry and reseal it and every later one under a key of their own.</summary>
    private async Task RecomputeChainFromAsync(long sequence, ChainKey theirs)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Verivius.Infrastructure.Persistence.SqliteVeriviusDbContext>().UseSqlite($"Data Source={Database}").Options;
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
}
