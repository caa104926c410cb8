using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Verivius.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for this test run: Debian's server binaries (test.sh installs them),
/// a private data directory and port on loopback, started on first use and stopped when the run ends.
/// Each test asks it for a database of its own. As root, the server runs as the postgres user, since
/// PostgreSQL refuses to run as root.
/// </summary>
public static class PostgreSqlCluster
{
    private static readonly Lazy<Task<string>> Started = new(StartAsync);

    /// <summary>A connection string to a new, empty database on the cluster.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        var server = await Started.Value;
        var name = $"verivius_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return $"{server};Database={name}";
    }

    private static async Task<string> StartAsync()
    {
        RemoveStoppedClusters();
        var bin = BinDirectory();
        var data = Path.Combine(Path.GetTempPath(), $"verivius-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(data);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", data]);
        }

        var port = FreePort();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "verivius", "--auth=trust", "-E", "UTF8", "--no-sync"], asRoot);
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-w", "-l", Path.Combine(data, "server.log"), "-o", $"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off", "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], asRoot).GetAwaiter().GetResult();
            Directory.Delete(data, recursive: true);
        };
        return $"Host=127.0.0.1;Port={port};Username=verivius;Pooling=true";
    }

    /// <summary>
    /// Data directories that earlier runs stopped but could not remove (a run's exit gives its clean-up
    /// little time), or left behind when killed: those with no server running, left for more than ten minutes.
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), "verivius-pg-*"))
        {
            if (!ServerRunning(stale) && Directory.GetLastWriteTimeUtc(stale) < DateTime.UtcNow.AddMinutes(-10))
            {
                try
                {
                    Directory.Delete(stale, recursive: true);
                }
                catch (IOException)
                {
                    // Another run is tidying it too.
                }
            }
        }
    }

    /// <summary>
    /// Whether a data directory's server may be running: its postmaster.pid names a live process. A run killed
    /// outright leaves the file behind with no server; a process id since reused only keeps a folder longer.
    /// </summary>
    private static bool ServerRunning(string data)
    {
        var pidFile = Path.Combine(data, "postmaster.pid");
        try
        {
            if (!File.Exists(pidFile))
            {
                return false;
            }

            // A file without a process id yet is a server starting.
            if (!int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid))
            {
                return true;
            }

            using var server = Process.GetProcessById(pid);
            return !server.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (IOException)
        {
            // Another run is tidying it away.
            return true;
        }
    }

    /// <summary>The server's binaries: those pg_ctl in the path points to, or the newest under /usr/lib/postgresql.</summary>
    private static string BinDirectory()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0).ToList()
            : [];
        return versions.Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL's server is not installed: run ./test.sh, which installs Debian's postgresql package, or apt-get install postgresql.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        if (asPostgres)
        {
            foreach (var part in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
