using Quartz;
using Verivius.Domain.History;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Features.Admin.History;

/// <summary>
/// Each day, a checkpoint of the change log sealed under its key: how far the log had reached. A log
/// later cut back past a checkpoint no longer agrees with it; documents carry copies outside the database.
/// </summary>
[DisallowConcurrentExecution]
public sealed class HistoryCheckpointJob : IJob
{
    public static readonly JobKey Key = new("history-checkpoint", "history");

    private readonly IServiceScopeFactory _scopes;
    private readonly ChainKey _key;
    private readonly TimeProvider _clock;
    private readonly ILogger<HistoryCheckpointJob> _log;

    public HistoryCheckpointJob(IServiceScopeFactory scopes, ChainKey key, TimeProvider clock, ILogger<HistoryCheckpointJob> log)
    {
        _scopes = scopes;
        _key = key;
        _clock = clock;
        _log = log;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = _scopes.CreateAsyncScope();
        var checkpoint = await HistoryCheckpoints.TakeAsync(scope.ServiceProvider.GetRequiredService<VeriviusDbContext>(), _key, _clock.GetUtcNow(), cancellationToken);
        _log.LogInformation("Change-history checkpoint: {Checkpoint}", checkpoint?.Reference ?? "the log is empty");
    }
}
