using Microsoft.EntityFrameworkCore;
using Quartz;
using Verivius.Domain.Documents;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Mail;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.Mail;

/// <summary>
/// Sends what the outbox holds that is due, each message at most once: a message is taken by changing
/// its status from Waiting to Sending in one statement, which only one instance can do, then handed to
/// the mail server and marked Sent, or Waiting again with its error and a longer wait, or Failed after
/// the last attempt. A message left Sending by an instance that stopped mid-send may or may not have
/// gone: it is marked Unknown for an admin to look at, never sent again.
/// </summary>
internal sealed class MailDeliverer
{
    /// <summary>How long a message may stay Sending before its instance is taken to have stopped; a send takes seconds.</summary>
    public static readonly TimeSpan SendingAbandonedAfter = TimeSpan.FromMinutes(10);

    private const int Batch = 50;

    private readonly VeriviusDbContext _db;
    private readonly MailSender _sender;
    private readonly FileStore _files;
    private readonly TimeProvider _clock;
    private readonly ILogger<MailDeliverer> _log;

    public MailDeliverer(VeriviusDbContext db, MailSender sender, FileStore files, TimeProvider clock, ILogger<MailDeliverer> log)
    {
        _db = db;
        _files = files;
        _sender = sender;
        _clock = clock;
        _log = log;
    }

    /// <summary>Sends every due message; how many went.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (_sender.Delivery == MailDelivery.Off)
        {
            return 0;
        }

        var now = _clock.GetUtcNow();
        var abandoned = now - SendingAbandonedAfter;
        await _db.Outbox.Where(m => m.Status == MailStatus.Sending && m.UpdatedAt < abandoned)
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.Status, MailStatus.Unknown)
                    .SetProperty(m => m.LastError, "The instance sending it stopped before it could say whether it went; it is not sent again."),
                cancellationToken);

        var due = await _db.Outbox.Where(m => m.Status == MailStatus.Waiting && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            var taken = await _db.Outbox.Where(m => m.Id == id && m.Status == MailStatus.Waiting)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, MailStatus.Sending).SetProperty(m => m.UpdatedAt, _clock.GetUtcNow()), cancellationToken);
            if (taken == 0)
            {
                continue;
            }

            // Taken in SQL: a copy this context already tracks must learn it, or its changes would be measured from the old status.
            var mail = _db.Outbox.Local.FirstOrDefault(m => m.Id == id);
            if (mail is null)
            {
                mail = await _db.Outbox.SingleAsync(m => m.Id == id, cancellationToken);
            }
            else
            {
                await _db.Entry(mail).ReloadAsync(cancellationToken);
            }
            try
            {
                await _sender.SendAsync(mail, await AttachmentOfAsync(mail, cancellationToken), cancellationToken);
                mail.Delivered(_clock.GetUtcNow());
                sent++;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                _log.LogWarning("Message {Id} ({Kind}) to the mail server failed, attempt {Attempt}: {Error}", mail.Id, mail.Kind, mail.Attempts + 1, failure.Message);
                mail.AttemptFailed(failure.Message, _clock.GetUtcNow());
            }

            // What happened is recorded even if the job is being stopped: the message went, or it did not.
            await _db.SaveChangesAsync(CancellationToken.None);
        }

        return sent;
    }

    /// <summary>The published Word file a message carries; nothing if it has been withdrawn since, which the message's link then shows.</summary>
    private async Task<MailAttachment?> AttachmentOfAsync(OutboundMail mail, CancellationToken cancellationToken)
    {
        if (mail.AttachedDocumentId is not { } documentId)
        {
            return null;
        }

        var document = await _db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.Review == DocumentReview.Published)
            .Select(d => new { d.StoredName, d.FileName }).SingleOrDefaultAsync(cancellationToken);
        if (document?.StoredName is not { } stored)
        {
            return null;
        }

        await using var file = _files.Open(stored);
        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        return new MailAttachment(document.FileName ?? "document.docx", content.ToArray(), Documents.DocumentGenerator.WordContentType);
    }
}

/// <summary>The outbox's delivery on the shared Quartz store: one run at a time across every instance.</summary>
[DisallowConcurrentExecution]
internal sealed class MailDeliveryJob : IJob
{
    public static readonly JobKey Key = new("deliver-mail", "mail");

    private readonly IServiceScopeFactory _scopes;

    public MailDeliveryJob(IServiceScopeFactory scopes) => _scopes = scopes;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MailDeliverer>().DeliverDueAsync(cancellationToken);
    }
}
