using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Verivius.Tests.Support;

namespace Verivius.Tests.Cli;

/// <summary>
/// The verbs as an operator runs them: a separate process, against the database its environment names. Each test
/// gets a database file of its own. The verbs' tests are split over a few classes because xunit runs one class's
/// tests one after another, and each verb is a process start of its own: one class held the suite's longest queue.
/// </summary>
/// <remarks>
/// Each test's file starts as a copy of one the <c>migrate</c> verb prepared once a run: applying every migration to an
/// empty file costs a verb about two seconds more. A test of what an operator does from nothing removes its copy first.
/// </remarks>
public abstract class OperatorVerbTests : IAsyncLifetime, IDisposable
{
    protected const string ImportedSite = "1-777000001";

    protected const string ImportedWorkbook = "october-pack.xlsx";

    private static readonly Lazy<Task<string>> Migrated = new(MigrateOnceAsync);

    private static readonly Lazy<Task<string>> ImportedOnce = new(ImportOnceAsync);

    protected string Database { get; } = Path.Combine(Path.GetTempPath(), $"verivius-cli-{Guid.NewGuid():N}.db");

    protected string Csv { get; } = Path.Combine(Path.GetTempPath(), $"verivius-sites-{Guid.NewGuid():N}.csv");

    /// <summary>A pack workbook file the test writes for <c>import-pack</c>.</summary>
    protected string Workbook { get; } = Path.Combine(Path.GetTempPath(), $"verivius-pack-{Guid.NewGuid():N}.xlsx");

    public async Task InitializeAsync() => TestDatabaseFiles.Copy(await Migrated.Value, Database);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        TestDatabaseFiles.Delete(Database);
        File.Delete(Csv);
        File.Delete(Workbook);
    }

    protected async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Replaces this test's database with a copy of one where the provider Ash Care has one care home, <see cref="ImportedSite"/>
    /// (Ash House), whose registered manager has imported the default pack (October 2026) from a workbook named
    /// <see cref="ImportedWorkbook"/>: made once a run by the verbs, as an operator would, as four verbs cost a test about ten seconds.
    /// </summary>
    protected async Task ProviderWithOneImportedPackAsync()
    {
        TestDatabaseFiles.Delete(Database);
        TestDatabaseFiles.Copy(await ImportedOnce.Value, Database);
    }

    protected async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunAsync(args, null);

    protected Task<(int Exit, string Out, string Error)> RunAsync(string[] args, string? input) => RunVerbAsync(Database, args, input);

    private static async Task<string> MigrateOnceAsync()
    {
        var database = Path.Combine(PortalFactory.RunFolder, "verbs-migrated.db");
        var migrate = await RunVerbAsync(database, ["migrate"], null);
        return migrate.Exit == 0 ? database : throw new InvalidOperationException($"The migrate verb failed:\n{migrate.Error}");
    }

    private static async Task<string> ImportOnceAsync()
    {
        var database = Path.Combine(PortalFactory.RunFolder, "verbs-imported.db");
        var sites = Path.Combine(PortalFactory.RunFolder, "ash-care-sites.csv");
        var workbook = Path.Combine(PortalFactory.RunFolder, ImportedWorkbook);
        TestDatabaseFiles.Copy(await Migrated.Value, database);
        await File.WriteAllTextAsync(sites, $"SiteCode,Name,ServiceType\n{ImportedSite},Ash House,CareHome\n");
        await File.WriteAllBytesAsync(workbook, new PackWorkbook(ImportedSite).Build());
        (string[] Args, string? Input)[] verbs =
        [
            (["create-provider", "--name", "Ash Care"], null),
            (["import-sites", "--provider", "Ash Care", "--file", sites], null),
            (["create-user", "--email", "rm@ash.example", "--role", "RegisteredManager", "--provider", "Ash Care", "--sites", ImportedSite, "--password-stdin"], "a long enough password\n"),
            (["import-pack", "--file", workbook, "--user", "rm@ash.example"], null),
        ];
        foreach (var (args, input) in verbs)
        {
            var verb = await RunVerbAsync(database, args, input);
            if (verb.Exit != 0)
            {
                throw new InvalidOperationException($"{args[0]} failed:\n{verb.Out}{verb.Error}");
            }
        }

        return database;
    }

    private static async Task<(int Exit, string Out, string Error)> RunVerbAsync(string database, string[] args, string? input)
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

        start.Environment["ConnectionStrings__Verivius"] = $"Data Source={database}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Storage__Root"] = database + ".files";
        start.Environment["History__ChainKeyFile"] = database + ".key";
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
