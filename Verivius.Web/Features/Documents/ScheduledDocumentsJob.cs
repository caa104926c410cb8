using Microsoft.EntityFrameworkCore;
using Quartz;
using Verivius.Domain.Challenges;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Documents;
using Verivius.Web.Features.Documents.CommissionerUpdates;
using Verivius.Web.Security;
using SchedulingOptions = Verivius.Web.Hosting.SchedulingOptions;

namespace Verivius.Web.Features.Documents;

/// <summary>
/// One provider's scheduled run of one kind of document: the board pack, every active site's pack,
/// or every commissioner's update, for the month before the one the run was scheduled in. Each
/// (provider, kind, month, scope) is claimed by a unique slot before it is written, so a second run
/// of the same slot — a misfire replayed after a restart, another instance — writes nothing twice,
/// and a slot a restart cut short is written again in place.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScheduledDocumentsJob : IJob
{
    public const string ProviderKey = "providerId";
    public const string KindKey = "kind";

    private readonly IServiceScopeFactory _scopes;
    private readonly SchedulingOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<ScheduledDocumentsJob> _log;

    public ScheduledDocumentsJob(IServiceScopeFactory scopes, SchedulingOptions options, TimeProvider clock, ILogger<ScheduledDocumentsJob> log)
    {
        _scopes = scopes;
        _options = options;
        _clock = clock;
        _log = log;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var providerId = Guid.Parse(context.MergedJobDataMap.GetString(ProviderKey)!);
        var kind = Enum.Parse<DocumentKind>(context.MergedJobDataMap.GetString(KindKey)!);

        // The month is fixed by when the run was due, not when it ran: a replayed misfire writes the same month.
        var due = TimeZoneInfo.ConvertTime(context.ScheduledFireTimeUtc ?? context.FireTimeUtc, TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone));
        var period = new DateOnly(due.Year, due.Month, 1).AddMonths(-1);
        if (!await IsMeantForAsync(providerId, kind, DateOnly.FromDateTime(due.DateTime), cancellationToken))
        {
            return;
        }

        var written = await WriteAsync(providerId, kind, period, cancellationToken);
        _log.LogInformation("Scheduled {Kind} for {Period:yyyy-MM}: {Written} written", kind, period, written);
    }

    /// <summary>A working-day schedule fires every day at its time; only its Nth working day after the deadline writes anything.</summary>
    private async Task<bool> IsMeantForAsync(Guid providerId, DocumentKind kind, DateOnly day, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var schedule = (await DocumentScheduler.SchedulesOfAsync(db, providerId, cancellationToken)).Single(s => s.Kind == kind);
        return schedule.RunsOn(day, await DocumentScheduler.DeadlineDaysAsync(db, providerId, cancellationToken), WorkingDays.EnglandAndWales);
    }

    /// <summary>Writes every scope's document of one kind and month that the schedule has not written yet; returns how many.</summary>
    public async Task<int> WriteAsync(Guid providerId, DocumentKind kind, DateOnly period, CancellationToken cancellationToken)
    {
        List<DocumentScope> scopes;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            scopes = await ScopesAsync(scope.ServiceProvider.GetRequiredService<VeriviusDbContext>(), providerId, kind, cancellationToken);
        }

        var written = 0;
        foreach (var documentScope in scopes)
        {
            await using var scope = _scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("document schedule");
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            if (await ClaimAsync(db, providerId, kind, period, documentScope, cancellationToken) is { } documentId)
            {
                await scope.ServiceProvider.GetRequiredService<DocumentGenerator>().GenerateAsync(documentId, cancellationToken);
                written++;
            }
        }

        return written;
    }

    private static async Task<List<DocumentScope>> ScopesAsync(VeriviusDbContext db, Guid providerId, DocumentKind kind, CancellationToken cancellationToken) => kind switch
    {
        DocumentKind.BoardPack => [DocumentScope.Provider(await db.Providers.Where(p => p.Id == providerId).Select(p => p.Name).SingleAsync(cancellationToken))],
        DocumentKind.SitePack => [.. (await db.Sites.Where(s => s.ProviderId == providerId && s.IsActive).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            .Select(s => DocumentScope.Site(s.Id, s.Name))],
        DocumentKind.CommissionerUpdate => [.. (await CommissionerUpdate.CommissionersOf(db, providerId)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken))
            .Select(u => DocumentScope.Commissioner(u.Id, u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id))],
        _ => [],
    };

    /// <summary>The document to write for the slot, or null when the schedule has written it already.</summary>
    private async Task<Guid?> ClaimAsync(VeriviusDbContext db, Guid providerId, DocumentKind kind, DateOnly period, DocumentScope scope, CancellationToken cancellationToken)
    {
        var slot = GovernanceDocument.SlotOf(providerId, kind, period, scope);
        var asOf = DocumentGenerator.DataAsOf(period, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime));
        var existing = await db.Documents.SingleOrDefaultAsync(d => d.ScheduleSlot == slot, cancellationToken);
        if (existing is { Status: DocumentStatus.Ready })
        {
            return null;
        }

        if (existing is not null)
        {
            existing.Restart(asOf);
        }
        else
        {
            existing = new GovernanceDocument(providerId, kind, period, scope, $"{DocumentKinds.Title(kind)}: {scope.Name}", asOf, GovernanceDocument.BySchedule);
            await DocumentRequests.JoinSeriesAsync(db, existing, cancellationToken);
            db.Documents.Add(existing);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return existing.Id;
        }
        catch (DbUpdateException)
        {
            // Another instance claimed the slot between our look and our write: it is theirs to write.
            return null;
        }
    }
}
