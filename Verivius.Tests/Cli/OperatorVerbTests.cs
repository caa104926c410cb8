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
    private static readonly Lazy<Task<string>> Migrated = new(MigrateOnceAsync);

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

    /// <summary>A provider with one care home and its registered manager, who has imported the default pack (October 2026) from <see cref="Workbook"/>.</summary>
    protected async Task ProviderWithOneImportedPackAsync(string provider, string siteCode, string siteName, string manager)
    {
        await RunAsync("create-provider", "--name", provider);
        await File.WriteAllTextAsync(Csv, $"SiteCode,Name,ServiceType\n{siteCode},{siteName},CareHome\n");
        await RunAsync("import-sites", "--provider", provider, "--file", Csv);
        await RunAsync(["create-user", "--email", manager, "--role", "RegisteredManager", "--provider", provider, "--sites", siteCode, "--password-stdin"], "a long enough password\n");
        await File.WriteAllBytesAsync(Workbook, new PackWorkbook(siteCode).Build());
        await RunAsync("import-pack", "--file", Workbook, "--user", manager);
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
