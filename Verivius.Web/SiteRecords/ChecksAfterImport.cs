using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using SchedulingOptions = Verivius.Web.Hosting.SchedulingOptions;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// The challenge engine's check of a site after a pack version was uploaded, done in the background
/// (<see cref="QueuedWork"/>) so that the upload is answered first. Each check is named by the version it
/// follows, which says on the site's packs page that the site is being checked until the check writes
/// what it changed there. A check interrupted by a restart is done again.
/// </summary>
public sealed class ChecksAfterImport : QueuedWork
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    private readonly ILogger<ChecksAfterImport> _log;

    public ChecksAfterImport(IServiceProvider services, SchedulingOptions options, ILogger<ChecksAfterImport> log)
        : base(services, options, typeof(CheckAfterImportJob), "check-after", "challenges-after-import", "packVersionId")
    {
        _log = log;
    }

    internal Task QueueAsync(Guid packVersionId, CancellationToken cancellationToken) =>
        QueueAsync(packVersionId, Describe(packVersionId), cancellationToken);

    /// <summary>
    /// Waits, for up to <see cref="LongestWait"/>, for the checks still to land for a site's uploads: a preview of
    /// its next version should compare with a register that has seen the versions before it.
    /// </summary>
    internal static async Task AwaitWaitingAsync(VeriviusDbContext db, Guid siteId, CancellationToken cancellationToken)
    {
        var waiting = db.PackVersions.Where(v => v.AwaitingChallengeCheck && db.Packs.Any(p => p.Id == v.PackId && p.SiteId == siteId));
        for (var waited = TimeSpan.Zero; waited < LongestWait && await waiting.AnyAsync(cancellationToken); waited += PollEvery)
        {
            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    /// <summary>
    /// Runs the engine for the version's site as of today and records what it changed on the version in the
    /// same save as the register, so that a check cut short is done again whole. A version already checked
    /// is left alone: Quartz runs a job once, so only a check whose instance died is run again.
    /// </summary>
    internal override async Task DoAsync(IServiceScopeFactory scopes, Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("challenge engine");
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var runner = scope.ServiceProvider.GetRequiredService<ChallengeRunner>();
        if (await db.PackVersions.SingleOrDefaultAsync(v => v.Id == id && v.AwaitingChallengeCheck, cancellationToken) is not { } version)
        {
            return;
        }

        try
        {
            var siteId = await db.Packs.Where(p => p.Id == version.PackId).Select(p => p.SiteId).SingleAsync(cancellationToken);
            await runner.RunAsync([siteId], runner.Today, cancellationToken, summary => version.ChallengesChecked(summary.ToString()));
        }
        catch (DbUpdateException failed)
        {
            // The pack is safely imported: the check is recorded as failed, and the nightly run checks the site again.
            _log.LogError(failed, "The challenge engine failed after pack version {PackVersionId} was imported; the nightly run will try again.", id);
            db.ChangeTracker.Clear();
            await RecordAsync(db, id, "The check failed; the nightly run will check the site again.", cancellationToken);
        }
    }

    private static async Task RecordAsync(VeriviusDbContext db, Guid id, string outcome, CancellationToken cancellationToken)
    {
        (await db.PackVersions.SingleAsync(v => v.Id == id, cancellationToken)).ChallengesChecked(outcome);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal override async Task<IReadOnlyList<(Guid Id, string Description)>> UnfinishedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var waiting = await services.GetRequiredService<VeriviusDbContext>().PackVersions.Where(v => v.AwaitingChallengeCheck)
            .OrderBy(v => v.UploadedAt).Select(v => v.Id).ToListAsync(cancellationToken);
        return [.. waiting.Select(id => (id, Describe(id)))];
    }

    private static string Describe(Guid packVersionId) => $"Check the site after pack version {packVersionId} was imported";
}

/// <summary>One site's check after an upload as a Quartz job, done again by another instance if the one doing it dies.</summary>
public sealed class CheckAfterImportJob : QueuedWorkJob<ChecksAfterImport>
{
    public CheckAfterImportJob(ChecksAfterImport checks, IServiceScopeFactory scopes)
        : base(checks, scopes)
    {
    }
}
