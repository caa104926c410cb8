using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.History;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Features.Admin.History;

/// <summary>Walks the whole change log and reports the first entry that breaks the hash chain, if any.</summary>
public sealed record VerifyHistoryQuery : IQuery<HistoryCheckVm>;

public sealed record HistoryCheckVm(long EntryCount, ChainBreak? Break);

internal sealed class VerifyHistoryHandler : IQueryHandler<VerifyHistoryQuery, HistoryCheckVm>
{
    private readonly VeriviusDbContext _db;

    public VerifyHistoryHandler(VeriviusDbContext db) => _db = db;

    public ValueTask<HistoryCheckVm> Handle(VerifyHistoryQuery query, CancellationToken cancellationToken)
    {
        // Streamed in sequence order, so the check holds one entry at a time whatever the log's size.
        long count = 0;
        var entries = _db.ChangeLog.AsNoTracking().OrderBy(e => e.Sequence).AsEnumerable().Select(e =>
        {
            count++;
            cancellationToken.ThrowIfCancellationRequested();
            return e;
        });
        var broken = ChangeLogChain.Verify(entries);
        return ValueTask.FromResult(new HistoryCheckVm(count, broken));
    }
}
