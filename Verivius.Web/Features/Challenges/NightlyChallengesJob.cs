using Mediator;
using Quartz;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Challenges;

/// <summary>
/// Runs the challenge engine for every active site of every provider, each night, so that what time
/// alone makes true (an action now overdue, a matrix now stale, a pack now missing) is raised without
/// anyone uploading anything. Never two at once; a run missed while the server was down runs once
/// when it is back.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NightlyChallengesJob : IJob
{
    public static readonly JobKey Key = new("nightly-challenges", "challenges");

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<NightlyChallengesJob> _log;

    public NightlyChallengesJob(IServiceScopeFactory scopes, ILogger<NightlyChallengesJob> log)
    {
        _scopes = scopes;
        _log = log;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using var scope = _scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("nightly challenge run");
        var summary = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunChallengesCommand(null), cancellationToken);
        _log.LogInformation("Nightly challenge run due {Due:O}: {Summary}", context.ScheduledFireTimeUtc ?? context.FireTimeUtc, summary);
    }
}
