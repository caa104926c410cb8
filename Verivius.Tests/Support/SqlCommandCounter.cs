using System.Diagnostics;

namespace Verivius.Tests.Support;

/// <summary>
/// Counts the SQL commands EF Core sends while it is open, from EF's own diagnostic events, so a test
/// can hold a page to its budget and catch a query per row creeping in. Only commands sent from the
/// test's own flow count (the portal's test server preserves the execution context), not those of
/// tests running beside it.
/// </summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string CommandExecuting = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting";

    private static readonly AsyncLocal<SqlCommandCounter?> Current = new();

    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<string> _commands = [];

    public SqlCommandCounter()
    {
        Current.Value = this;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public void Reset()
    {
        lock (_commands)
        {
            _commands.Clear();
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            _listeners.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuting && Current.Value == this && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData data)
        {
            lock (_commands)
            {
                _commands.Add(data.Command.CommandText);
            }
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
        Current.Value = null;
        _subscription.Dispose();
        _listeners.ForEach(l => l.Dispose());
    }
}
