using System.Diagnostics;

namespace Verivius.Tests.Support;

/// <summary>
/// Holds each of the test's flows at the first database transaction it starts, until all of them
/// have reached it, then lets them go together: two uploads that read the same month and race to
/// write the same version, made to race every time. Only the test's own flows are held (the
/// portal's test server preserves the execution context), never those of tests running beside it.
/// </summary>
public sealed class TransactionBarrier : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string TransactionStarting = "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionStarting";

    private static readonly AsyncLocal<TransactionBarrier?> Current = new();

    private readonly Barrier _barrier;
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly int _parties;
    private int _arrivals;

    public TransactionBarrier(int parties)
    {
        _parties = parties;
        _barrier = new Barrier(parties);
        Current.Value = this;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // The first transaction of each flow waits; any later one (the engine after an import) does not.
        if (value.Key != TransactionStarting || Current.Value != this || Interlocked.Increment(ref _arrivals) > _parties)
        {
            return;
        }

        if (!_barrier.SignalAndWait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The other flow never reached the barrier.");
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }

        _barrier.Dispose();
        Current.Value = null;
    }
}
