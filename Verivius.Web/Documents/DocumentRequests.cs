using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Verivius.Domain.Documents;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;
using SchedulingOptions = Verivius.Web.Hosting.SchedulingOptions;

namespace Verivius.Web.Documents;

/// <summary>
/// Documents asked for on a page, waiting to be written in the background. Where this instance runs
/// the scheduler, each is a one-off Quartz job in the portal's database: whichever instance of a
/// cluster is free writes it, and a request taken by an instance that is then stopped or killed is
/// written by another. An instance that runs no scheduler writes what is asked of it itself.
/// </summary>
public sealed class DocumentRequests
{
    private readonly Channel<Guid> _waiting = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ISchedulerFactory? _scheduler;

    public DocumentRequests(IServiceProvider services, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _scheduler = options.Enabled ? services.GetService<ISchedulerFactory>() : null;
    }

    /// <summary>True where the requests wait in the shared Quartz store rather than in this process.</summary>
    internal bool AreShared => _scheduler is not null;

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
    internal async Task QueueAsync(Guid documentId, CancellationToken cancellationToken)
    {
        if (_scheduler is null)
        {
            _waiting.Writer.TryWrite(documentId);
            return;
        }

        var scheduler = await _scheduler.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<WriteDocumentJob>()
            .WithIdentity(WriteDocumentJob.KeyOf(documentId))
            .WithDescription($"Write the document {documentId} someone asked for")
            .UsingJobData(WriteDocumentJob.DocumentKey, documentId.ToString())
            .RequestRecovery()
            .Build();
        try
        {
            await scheduler.ScheduleJob(job, TriggerBuilder.Create().ForJob(job).StartNow().Build(), default, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another instance, starting up, queued the same interrupted document first.
        }
    }

    /// <summary>Writes one asked-for document as the document writer; a document no longer being written is left alone.</summary>
    internal static async Task WriteAsync(IServiceScopeFactory scopes, Guid documentId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator("document writer");
        await scope.ServiceProvider.GetRequiredService<DocumentGenerator>().GenerateAsync(documentId, cancellationToken);
    }

    internal IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _waiting.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>
/// One asked-for document as a Quartz job. It asks for recovery, so if the instance writing it dies
/// part way, another instance of the cluster writes it again from the start.
/// </summary>
public sealed class WriteDocumentJob : IJob
{
    public const string DocumentKey = "documentId";

    private readonly IServiceScopeFactory _scopes;

    public WriteDocumentJob(IServiceScopeFactory scopes) => _scopes = scopes;

    public static JobKey KeyOf(Guid documentId) => new($"document-{documentId:N}", "documents-asked");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await DocumentRequests.WriteAsync(_scopes, Guid.Parse(context.MergedJobDataMap.GetString(DocumentKey)!), cancellationToken);
    }
}

/// <summary>
/// On start, queues again every asked-for document a restart cut short, so a request is never
/// silently lost, and every shown document still without its PDF copy; then, where this instance keeps its own queue, writes its documents one at a time.
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
            var makesPdf = scope.ServiceProvider.GetRequiredService<PdfConverter>().IsAvailable;
            var unfinished = db.Documents.Where(d => d.Status == DocumentStatus.Generating && d.ScheduleSlot == null).Select(d => new { d.Id, d.CreatedAt });
            var interrupted = await (makesPdf ? unfinished.Union(db.Documents.Where(GovernanceDocument.WantingPdf).Select(d => new { d.Id, d.CreatedAt })) : unfinished)
                .OrderBy(d => d.CreatedAt)
                .Select(d => d.Id)
                .ToListAsync(stoppingToken);
            foreach (var documentId in interrupted)
            {
                await _queue.QueueAsync(documentId, stoppingToken);
            }
        }

        if (_queue.AreShared)
        {
            return;
        }

        await foreach (var documentId in _queue.ReadAllAsync(stoppingToken))
        {
            await DocumentRequests.WriteAsync(_scopes, documentId, stoppingToken);
        }
    }
}
