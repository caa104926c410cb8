using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;

namespace Verivius.Web.Documents;

/// <summary>Documents asked for on a page, waiting to be written one at a time in the background.</summary>
public sealed class DocumentRequests
{
    private readonly Channel<Guid> _waiting = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid documentId) => _waiting.Writer.TryWrite(documentId);

    /// <summary>Records a document someone asked for and queues it to be written; returns its id.</summary>
    public async Task<Guid> AskAsync(VeriviusDbContext db, GovernanceDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        Enqueue(document.Id);
        return document.Id;
    }

    internal IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _waiting.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// Writes the queued documents. On start it takes up again any asked-for document a restart cut
/// short, so a request is never silently lost.
/// </summary>
internal sealed class DocumentWorker : BackgroundService
{
    private readonly DocumentRequests _queue;
    private readonly IServiceScopeFactory _scopes;

    public DocumentWorker(DocumentRequests queue, IServiceScopeFactory scopes)
    {
        _queue = queue;
        _scopes = scopes;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var interrupted = await db.Documents
                .Where(d => d.Status == DocumentStatus.Generating && d.ScheduleSlot == null)
                .OrderBy(d => d.CreatedAt)
                .Select(d => d.Id)
                .ToListAsync(stoppingToken);
            interrupted.ForEach(_queue.Enqueue);
        }

        await foreach (var documentId in _queue.ReadAllAsync(stoppingToken))
        {
            await using var scope = _scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("document writer");
            await scope.ServiceProvider.GetRequiredService<DocumentGenerator>().GenerateAsync(documentId, stoppingToken);
        }
    }
}
