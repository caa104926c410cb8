using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Verivius.Tests.Support;

/// <summary>
/// The real portal over a real SQLite file of its own, migrated by the portal's own start-up, served
/// over HTTPS as in production (the Testing environment is not Development).
/// </summary>
/// <remarks>
/// A portal over a SQLite file of its own starts from a copy of what its start-up made of an empty one: the first portal of
/// a test run with the same environment, settings and day starts on a file of its own, and every such portal copies that
/// file and what lies beside it (the change log's key, the stored files) before it starts, so its own start-up finds the
/// database as a restart would. A portal's start on an empty database costs about 1.5 s of CPU (0.15 s from a copy), and
/// seeding the demo's twelve months for six sites seconds more; a run starts about ninety portals, sixty of them copies. The
/// portal that prepares the copy takes only the settings, clock and environment of the one asking: a subclass that also
/// configured services of its own before its start-up wrote would need them in the key and in <see cref="FirstStart"/>.
/// A portal whose scheduler runs starts on an empty file, as its Quartz store would carry the first portal's jobs into
/// the copies; so does one on another database (PostgreSQL).
/// </remarks>
public class PortalFactory : WebApplicationFactory<Program>
{
    // One certificate for every test portal: making an RSA key for each would cost a second apiece.
    private static readonly Lazy<string> SharedCertificateFile = new(() =>
        Verivius.Web.Security.KeyProtection.EnsureSelfSigned(Path.Combine(Path.GetTempPath(), "verivius-tests-data-protection.pfx")));

    private const string StartedFolderPrefix = "verivius-test-starts-";

    // The database each environment, settings and day starts on, prepared once, by the file it was prepared in.
    private static readonly ConcurrentDictionary<string, Lazy<string>> StartedDatabases = new();

    // This test run's started databases, in a folder named by its process. A run's exit gives its clean-up little time (the
    // test host is stopped soon after its last test), so each run also removes the folders of runs no longer running.
    private static readonly Lazy<string> StartedFolder = new(() =>
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), StartedFolderPrefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(folder)[StartedFolderPrefix.Length..], CultureInfo.InvariantCulture, out var run) && !IsRunning(run))
            {
                DeleteFolder(folder);
            }
        }

        var own = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"{StartedFolderPrefix}{Environment.ProcessId}")).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            DeleteFolder(own);
        };
        return own;
    });

    private readonly string _databasePath;
    private readonly bool _ownsDatabase;

    public PortalFactory()
        : this(null)
    {
    }

    /// <summary>A portal over a database file another portal used before it (a restart): the file is left for the caller.</summary>
    protected PortalFactory(string? databasePath)
    {
        _databasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"verivius-test-{Guid.NewGuid():N}.db");
        _ownsDatabase = databasePath is null;
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    /// <summary>A folder of this test run's own for databases prepared once and copied, removed when the run ends.</summary>
    public static string RunFolder => StartedFolder.Value;

    /// <summary>The certificate that protects every test portal's data-protection keys, so a process started on a test's database can read them.</summary>
    public static string SharedCertificate => SharedCertificateFile.Value;

    public string ConnectionString => $"Data Source={_databasePath}";

    /// <summary>Where this portal keeps uploaded files and written documents.</summary>
    public string StorageRoot => _databasePath + ".files";

    /// <summary>Settings a test class changes before the portal starts (the demo data, a rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string EnvironmentName => "Testing";

    /// <summary>The portal's clock: the tests' today unless a test class moves time by hand or needs the real one.</summary>
    protected virtual TimeProvider Clock => TestClock.Instance;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);

        // Requests run in the calling test's execution context, so a test can tell its own SQL from its neighbours'.
        builder.UseTestServer(server => server.PreserveExecutionContext = true);
        builder.UseSetting("ConnectionStrings:Verivius", ConnectionString);
        builder.UseSetting("Storage:Root", StorageRoot);
        builder.UseSetting("History:ChainKeyFile", _databasePath + ".key");
        builder.UseSetting("DataProtection:Certificate", SharedCertificate);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.UseSetting("Mail:PickupFolder", _databasePath + ".mail");

        // PDF copies cost LibreOffice seconds each: only the tests of them turn them on.
        builder.UseSetting("Documents:Pdf", "false");
        builder.UseSetting("https_port", "443");
        builder.UseSetting("Security:LoginAttemptsPerMinute", "1000");
        builder.UseSetting("Security:ApiCallsPerMinute", "1000");
        builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (StartsFromACopy)
        {
            TestDatabaseFiles.Copy(StartedDatabases.GetOrAdd(StartKey, _ => new Lazy<string>(StartOnce)).Value, _databasePath);
        }

        return base.CreateHost(builder);
    }

    private bool StartsFromACopy =>
        _ownsDatabase
        && !Settings.ContainsKey("Database:Provider") && !Settings.ContainsKey("ConnectionStrings:Verivius")
        && !(Settings.TryGetValue("Scheduling:Enabled", out var schedules) && schedules == "true");

    /// <summary>What a portal's start-up writes depends on: its environment, its settings (the demo among them) and its day.</summary>
    private string StartKey =>
        string.Join('|', Settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}")
            .Prepend(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Prepend(EnvironmentName));

    /// <summary>Starts a portal as this one would start on an empty database, over a file kept until the test run ends.</summary>
    private string StartOnce()
    {
        var path = Path.Combine(StartedFolder.Value, $"started-{Guid.NewGuid():N}.db");
        using (var first = new FirstStart(path, Settings, Clock, EnvironmentName))
        {
            first.CreateClient().Dispose();
        }

        return path;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Another run is removing it too, or a file in it is still open: the next run tries again.
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownsDatabase)
        {
            TestDatabaseFiles.Delete(_databasePath);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>A portal with another's settings and clock over a file it leaves behind: the one whose start the others copy.</summary>
    private sealed class FirstStart(string path, IReadOnlyDictionary<string, string?> settings, TimeProvider clock, string environment) : PortalFactory(path)
    {
        protected override IReadOnlyDictionary<string, string?> Settings => settings;

        protected override TimeProvider Clock => clock;

        protected override string EnvironmentName => environment;
    }
}
