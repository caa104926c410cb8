using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Verivius.Tests.Support;

/// <summary>
/// The portal as an operator runs it: its own process (<c>dotnet Verivius.Web.dll</c>) on a loopback
/// port, over a database another portal prepared, so a test can see whether the process survives.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _output = new();

    private PortalProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process printed, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the portal on the database and storage of <paramref name="databasePath"/> and waits until it answers.</summary>
    /// <param name="settings">Settings that replace those, as environment variables (another database, a shared key).</param>
    public static async Task<PortalProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Verivius.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());

        // Development serves plain HTTP on loopback, as a developer runs it.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Verivius"] = $"Data Source={databasePath}";
        start.Environment["Storage__Root"] = databasePath + ".files";
        start.Environment["History__ChainKeyFile"] = databasePath + ".key";
        start.Environment["DataProtection__Certificate"] = PortalFactory.SharedCertificate;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Scheduling__Enabled"] = "false";
        start.Environment["Documents__Pdf"] = "false";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var portal = new PortalProcess(Process.Start(start)!, address);
        portal._process.OutputDataReceived += (_, line) => portal.Record(line.Data);
        portal._process.ErrorDataReceived += (_, line) => portal.Record(line.Data);
        portal._process.BeginOutputReadLine();
        portal._process.BeginErrorReadLine();
        await portal.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
        return portal;
    }

    public async Task<(HttpStatusCode Status, string Body)> HealthAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _output.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Record(string? line)
    {
        lock (_output)
        {
            _output.WriteLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            try
            {
                if ((await HealthAsync()).Status == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"The portal process did not become healthy:\n{Output}");
    }
}
