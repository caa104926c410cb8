using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Verivius.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free local port, keeping every message the portal
/// hands it, parsed with MimeKit as a mail client would read it.
/// </summary>
public sealed class SmtpCatcher : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();
    private bool _disposed;

    public SmtpCatcher()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(Port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => [.. _store.Messages];

    /// <summary>
    /// The messages to one address (of those <paramref name="which"/> picks, if given), once at least
    /// <paramref name="count"/> have arrived, or what there is after half a minute.
    /// </summary>
    public async Task<List<MimeMessage>> ToAsync(string address, int count, Func<MimeMessage, bool>? which = null)
    {
        List<MimeMessage> Arrived() => [.. Received.Where(m => m.To.Mailboxes.Any(b => b.Address == address) && (which is null || which(m)))];

        for (var waited = 0; waited < 120; waited++)
        {
            var to = Arrived();
            if (to.Count >= count)
            {
                return to;
            }

            await Task.Delay(250);
        }

        return Arrived();
    }

    /// <summary>Stops the server; a second call (a fixture disposed both ways) does nothing.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        try
        {
            _running.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Stopping it cancels what it was doing; that is all this asked for.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
