using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.History;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Features.Admin.History;

/// <summary>
/// Walks the whole change log and reports the first entry that breaks the sealed chain, every
/// checkpoint the log no longer agrees with (and, if given, one copied from outside: a document's
/// footer), and, when asked, every record row changed behind the log's back.
/// </summary>
public sealed record VerifyHistoryQuery(string? Checkpoint = null, bool Records = false) : IQuery<HistoryCheckVm>;

/// <param name="RecordProblems">Null when the records were not compared.</param>
public sealed record HistoryCheckVm(long EntryCount, ChainBreak? Break, IReadOnlyList<string> CheckpointProblems, IReadOnlyList<string>? RecordProblems)
{
    public bool IsWhole => Break is null && CheckpointProblems.Count == 0 && (RecordProblems?.Count ?? 0) == 0;
}

internal sealed class VerifyHistoryHandler : IQueryHandler<VerifyHistoryQuery, HistoryCheckVm>
{
    private readonly VeriviusDbContext _db;
    private readonly ChainKey _key;

    public VerifyHistoryHandler(VeriviusDbContext db, ChainKey key)
    {
        _db = db;
        _key = key;
    }

    public async ValueTask<HistoryCheckVm> Handle(VerifyHistoryQuery query, CancellationToken cancellationToken)
    {
        // Streamed in sequence order, so the check holds one entry at a time whatever the log's size.
        long count = 0;
        var entries = _db.ChangeLog.AsNoTracking().OrderBy(e => e.Sequence).AsEnumerable().Select(e =>
        {
            count++;
            cancellationToken.ThrowIfCancellationRequested();
            return e;
        });
        var broken = ChangeLogChain.Verify(entries, _key);
        var checkpoints = await HistoryCheckpoints.DisagreementsAsync(_db, _key, query.Checkpoint, cancellationToken);
        var records = query.Records ? await RecordAudit.ChangedBehindTheLogAsync(_db, cancellationToken) : null;
        return new HistoryCheckVm(count, broken, checkpoints, records);
    }
}
