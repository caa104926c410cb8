using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;
using SchedulingOptions = Verivius.Web.Hosting.SchedulingOptions;

namespace Verivius.Web.Documents;

/// <summary>
/// Documents asked for on a page, waiting to be written in the background (<see cref="QueuedWork"/>): where
/// this instance runs the scheduler, whichever instance of a cluster is free writes each, and one an
/// instance was writing when it stopped is written by another.
/// </summary>
public sealed class DocumentRequests : QueuedWork
{
    public DocumentRequests(IServiceProvider services, SchedulingOptions options)
        : base(services, options, typeof(WriteDocumentJob), "document", "documents-asked", "documentId")
    {
    }

    /// <summary>Records a document someone asked for and queues it to be written; returns its id.</summary>
    public async Task<Guid> AskAsync(VeriviusDbContext db, GovernanceDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        await JoinSeriesAsync(db, document, cancellationToken);
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        await QueueAsync(document.Id, cancellationToken);
        return document.Id;
    }

    /// <summary>
    /// A document asked for again becomes the next revision of its series, and the drafts before it
    /// are superseded: a month never has two drafts waiting, nor two published copies.
    /// </summary>
    public static async Task JoinSeriesAsync(VeriviusDbContext db, GovernanceDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(document);
        var earlier = await db.Documents.Where(d => d.Series == document.Series).ToListAsync(cancellationToken);
        if (earlier.Count == 0)
        {
            return;
        }

        document.FollowRevision(earlier.Max(d => d.Revision));
        earlier.Where(d => d.Review == DocumentReview.Draft).ToList().ForEach(d => d.Supersede());
    }

    /// <summary>Queues a recorded document once: queuing one already waiting in the shared store adds nothing.</summary>
    internal Task QueueAsync(Guid documentId, CancellationToken cancellationToken) =>
        QueueAsync(documentId, $"Write the document {documentId} someone asked for", cancellationToken);

    /// <summary>Writes one asked-for document as the document writer; a document no longer being written is left alone.</summary>
    internal override async Task DoAsync(IServiceScopeFactory scopes, Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("document writer");
        await scope.ServiceProvider.GetRequiredService<DocumentGenerator>().GenerateAsync(id, cancellationToken);
    }

    /// <summary>Documents a restart cut short, and every shown document still without its PDF copy.</summary>
    internal override async Task<IReadOnlyList<(Guid Id, string Description)>> UnfinishedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<VeriviusDbContext>();
        var makesPdf = services.GetRequiredService<PdfConverter>().IsAvailable;
        var unfinished = db.Documents.Where(d => d.Status == DocumentStatus.Generating && d.ScheduleSlot == null).Select(d => new { d.Id, d.CreatedAt });
        var interrupted = await (makesPdf ? unfinished.Union(db.Documents.Where(GovernanceDocument.WantingPdf).Select(d => new { d.Id, d.CreatedAt })) : unfinished)
            .OrderBy(d => d.CreatedAt)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. interrupted.Select(id => (id, $"Write the document {id} someone asked for"))];
    }
}

/// <summary>One asked-for document as a Quartz job: if the instance writing it dies part way, another writes it again from the start.</summary>
public sealed class WriteDocumentJob : QueuedWorkJob<DocumentRequests>
{
    public WriteDocumentJob(DocumentRequests requests, IServiceScopeFactory scopes)
        : base(requests, scopes)
    {
    }
}
