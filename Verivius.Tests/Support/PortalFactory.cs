using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Verivius.Tests.Support;

/// <summary>
/// The real portal over a real SQLite file of its own, migrated by the portal's own start-up, served
/// over HTTPS as in production (the Testing environment is not Development).
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    // One certificate for every test portal: making an RSA key for each would cost a second apiece.
    private static readonly Lazy<string> SharedCertificateFile = new(() =>
        Verivius.Web.Security.KeyProtection.EnsureSelfSigned(Path.Combine(Path.GetTempPath(), "verivius-tests-data-protection.pfx")));

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
}
