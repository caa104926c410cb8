using System.Threading.Channels;
using Quartz;
using SchedulingOptions = Verivius.Web.Hosting.SchedulingOptions;

namespace Verivius.Web.Common;

/// <summary>
/// Work a request asks for and the portal does in the background, each piece named by one id. Where this
/// instance runs the scheduler, each piece is a one-off Quartz job in the portal's database that asks for
/// recovery: whichever instance of a cluster is free does it, and a piece an instance was doing when it was
/// stopped or killed is done again by another. An instance that runs no scheduler does its own, in order.
/// </summary>
public abstract class QueuedWork
{
    private readonly Channel<Guid> _waiting = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ISchedulerFactory? _scheduler;
    private readonly Type _job;
    private readonly string _name;
    private readonly string _group;

    /// <param name="job">The <see cref="QueuedWorkJob{TWork}"/> that does one piece on the scheduler.</param>
    /// <param name="name">What a piece's job key starts with; <paramref name="group"/> is its group.</param>
    /// <param name="dataKey">The name the id goes by in the job's data.</param>
    protected QueuedWork(IServiceProvider services, SchedulingOptions options, Type job, string name, string group, string dataKey)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _scheduler = options.Enabled ? services.GetService<ISchedulerFactory>() : null;
        (_job, _name, _group, DataKey) = (job, name, group, dataKey);
    }

    public string DataKey { get; }

    /// <summary>True where the work waits in the shared Quartz store rather than in this process.</summary>
    internal bool AreShared => _scheduler is not null;

    public JobKey KeyOf(Guid id) => new($"{_name}-{id:N}", _group);

    /// <summary>Queues a piece of work once: queuing one already waiting in the shared store adds nothing.</summary>
    internal async Task QueueAsync(Guid id, string description, CancellationToken cancellationToken)
    {
        if (_scheduler is null)
        {
            _waiting.Writer.TryWrite(id);
            return;
        }

        var scheduler = await _scheduler.GetScheduler(cancellationToken);
        var job = JobBuilder.Create().OfType(_job).WithIdentity(KeyOf(id)).WithDescription(description).UsingJobData(DataKey, id.ToString()).RequestRecovery().Build();
        try
        {
            await scheduler.ScheduleJob(job, TriggerBuilder.Create().ForJob(job).StartNow().Build(), default, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another instance, starting up, queued the same interrupted piece first.
        }
    }

    /// <summary>Does one piece, in a scope of its own; a piece already done is left alone.</summary>
    internal abstract Task DoAsync(IServiceScopeFactory scopes, Guid id, CancellationToken cancellationToken);

    /// <summary>The pieces a restart may have cut short, oldest first, with what each is: queued again when an instance starts.</summary>
    internal abstract Task<IReadOnlyList<(Guid Id, string Description)>> UnfinishedAsync(IServiceProvider services, CancellationToken cancellationToken);

    internal IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _waiting.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// On start, queues again every piece of the work a restart cut short, so nothing asked for is silently
/// lost; then, where this instance keeps its own queue, does its pieces one at a time.
/// </summary>
internal sealed class QueuedWorker<TWork> : BackgroundService
    where TWork : QueuedWork
{
    private readonly TWork _work;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<QueuedWorker<TWork>> _log;

    public QueuedWorker(TWork work, IServiceScopeFactory scopes, ILogger<QueuedWorker<TWork>> log)
    {
        _work = work;
        _scopes = scopes;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = _scopes.CreateAsyncScope())
        {
            foreach (var (id, description) in await _work.UnfinishedAsync(scope.ServiceProvider, stoppingToken))
            {
                await _work.QueueAsync(id, description, stoppingToken);
            }
        }

        if (_work.AreShared)
        {
            return;
        }

        await foreach (var id in _work.ReadAllAsync(stoppingToken))
        {
            try
            {
                await _work.DoAsync(_scopes, id, stoppingToken);
            }
            catch (Exception failed) when (!stoppingToken.IsCancellationRequested)
            {
                // One piece that fails must not stop the rest; it stays unfinished, to be done again at the next start.
                _log.LogError(failed, "{Work} {Id} failed; it is queued again when the portal next starts.", typeof(TWork).Name, id);
            }
        }
    }
}

/// <summary>One piece of queued work as a Quartz job, asking for recovery so that another instance finishes what a dead one began.</summary>
public abstract class QueuedWorkJob<TWork> : IJob
    where TWork : QueuedWork
{
    private readonly TWork _work;
    private readonly IServiceScopeFactory _scopes;

    protected QueuedWorkJob(TWork work, IServiceScopeFactory scopes)
    {
        _work = work;
        _scopes = scopes;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await _work.DoAsync(_scopes, Guid.Parse(context.MergedJobDataMap.GetString(_work.DataKey)!), cancellationToken);
    }
}
