using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Web.Common;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Challenges;

/// <summary>
/// Runs the challenge engine now: for one site (anyone who may change its records), or for every
/// active site of the provider (the nominated individual, a provider admin, or an operator for all).
/// Every site for today judges again only the sites whose last judgement may not stand today; as of
/// another day, every site is judged from all its records.
/// </summary>
public sealed record RunChallengesCommand(string? SiteCode, DateOnly? AsOf = null) : ICommand<ChallengeRunSummary>;

internal sealed class RunChallengesHandler : ICommandHandler<RunChallengesCommand, ChallengeRunSummary>
{
    private readonly SiteAccess _access;
    private readonly ChallengeRunner _runner;

    public RunChallengesHandler(SiteAccess access, ChallengeRunner runner)
    {
        _access = access;
        _runner = runner;
    }

    public async ValueTask<ChallengeRunSummary> Handle(RunChallengesCommand command, CancellationToken cancellationToken)
    {
        var asOf = command.AsOf ?? _runner.Today;
        if (command.SiteCode is { } code)
        {
            var site = await _access.ChangeableSiteAsync(code, cancellationToken);
            return await _runner.RunAsync([site.SiteId], asOf, cancellationToken);
        }

        var scope = await _access.ScopeAsync(cancellationToken);
        if (!scope.IsOperator && !scope.SeesWholeProvider)
        {
            throw new ForbiddenException("Running the engine for every site is for the nominated individual or a provider admin.");
        }

        var sites = await _access.ReadableSites(scope).Where(s => s.IsActive).Select(s => s.Id).ToListAsync(cancellationToken);
        return command.AsOf is null
            ? await _runner.RunWhereDueAsync(sites, asOf, cancellationToken)
            : await _runner.RunAsync(sites, asOf, cancellationToken);
    }
}
