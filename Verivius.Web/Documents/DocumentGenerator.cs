using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Access;
using Verivius.Domain.Common;
using Verivius.Domain.Documents;
using Verivius.Domain.Evidence;
using Verivius.Domain.History;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.History;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Mail;

namespace Verivius.Web.Documents;

/// <summary>
/// Writes one document that has been asked for: composes it from the evidence, writes the Word file,
/// keeps it in the file store and records its size and fingerprint. Each stage is saved, so the
/// page waiting on it can say where it is. A failure is recorded on the document with its reason.
/// </summary>
internal sealed class DocumentGenerator
{
    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfContentType = "application/pdf";
    private const string ContentType = "application/json";

    private readonly VeriviusDbContext _db;
    private readonly IEnumerable<IDocumentComposer> _composers;
    private readonly FileStore _files;
    private readonly TimeProvider _clock;
    private readonly ChainKey _key;
    private readonly PdfConverter _pdf;
    private readonly ILogger<DocumentGenerator> _log;
    private readonly MailComposer _mail;

    public DocumentGenerator(VeriviusDbContext db, IEnumerable<IDocumentComposer> composers, FileStore files, TimeProvider clock, ChainKey key, PdfConverter pdf, ILogger<DocumentGenerator> log, MailComposer mail)
    {
        _mail = mail;
        _pdf = pdf;
        _db = db;
        _composers = composers;
        _files = files;
        _clock = clock;
        _key = key;
        _log = log;
    }

    /// <summary>The day a month's document reads its evidence as at: the month's last day, or today while the month runs.</summary>
    public static DateOnly DataAsOf(DateOnly period, DateOnly today) => period.AddMonths(1).AddDays(-1) is var end && end < today ? end : today;

    /// <summary>
    /// Brings a document up to date: writes it if it is waiting to be written, then, once its readers
    /// see it and LibreOffice is here, makes its PDF copy. Anything else is left alone.
    /// </summary>
    public async Task GenerateAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var document = await _db.Documents.SingleAsync(d => d.Id == documentId, cancellationToken);
        if (document.Status == DocumentStatus.Generating)
        {
            await WriteAsync(document, cancellationToken);
        }

        if (document.WantsPdf && _pdf.IsAvailable)
        {
            await ConvertAsync(document, cancellationToken);
        }
    }

    /// <summary>A failed conversion is logged and leaves the document as it was: its Word file is still there to read.</summary>
    private async Task ConvertAsync(GovernanceDocument document, CancellationToken cancellationToken)
    {
        try
        {
            byte[] word;
            await using (var file = _files.Open(document.StoredName!))
            using (var copy = new MemoryStream())
            {
                await file.CopyToAsync(copy, cancellationToken);
                word = copy.ToArray();
            }

            var timer = System.Diagnostics.Stopwatch.StartNew();
            var pdf = await _pdf.ConvertAsync(word, cancellationToken);
            var stored = await _files.SaveAsync(pdf, PdfContentType, cancellationToken);
            document.ConvertedToPdf(stored.StoredName, stored.SizeBytes);
            await _files.KeepOnceSavedAsync([stored.StoredName], () => _db.SaveChangesAsync(cancellationToken));
            _log.LogInformation("Converted document {DocumentId} to PDF in {Seconds:0.0} s ({Bytes} bytes)", document.Id, timer.Elapsed.TotalSeconds, stored.SizeBytes);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            _log.LogError(failure, "Converting document {DocumentId} to PDF failed", document.Id);
        }
    }

    /// <summary>Tells the provider's nominated individual, and the approver it names, that a draft waits for them; saved with the draft.</summary>
    private async Task TellReviewersAsync(GovernanceDocument draft, CancellationToken cancellationToken)
    {
        var provider = await _db.Providers.Where(p => p.Id == draft.ProviderId).Select(p => new { p.Name, p.DocumentApproverId }).SingleAsync(cancellationToken);
        var reviewers = await ProviderPeople.InRoles(_db, draft.ProviderId, Roles.NominatedIndividual)
            .Union(_db.Users.Where(user => user.Id == provider.DocumentApproverId && user.ProviderId == draft.ProviderId && !user.IsDisabled))
            .Select(user => new MailRecipient(user.Id, user.Email!))
            .ToListAsync(cancellationToken);
        var what = $"{DocumentKinds.Title(draft.Kind).ToLowerInvariant()} for {draft.Period.ToBritishMonth()}";
        foreach (var reviewer in reviewers)
        {
            await _mail.AddAsync(_db, draft.ProviderId, MailKinds.DraftWaiting, reviewer, new MailMessageVm(
                $"Draft {what} waits for your review",
                [
                    $"The {what} ({draft.ScopeName}) is written as draft {draft.Revision}.",
                    $"Nobody outside {provider.Name} sees it until it is approved: read it, then approve it with your commentary or ask for a new draft.",
                ],
                "Review the draft in Verivius",
                _mail.Link($"/documents/{draft.Id}"),
                $"You get this because you approve {provider.Name}'s outward documents in Verivius."), cancellationToken);
        }
    }

    private async Task WriteAsync(GovernanceDocument document, CancellationToken cancellationToken)
    {
        var documentId = document.Id;
        try
        {
            var composer = _composers.FirstOrDefault(c => c.Writes(document.Kind))
                ?? throw new InvalidOperationException($"Verivius cannot write a {DocumentKinds.Title(document.Kind).ToLowerInvariant()} yet.");
            await ReachAsync(document, "Gathering the evidence", cancellationToken);
            var now = _clock.GetUtcNow();
            var checkpoint = await HistoryCheckpoints.TakeAsync(_db, _key, now, cancellationToken);
            var content = await composer.ComposeAsync(document, now, cancellationToken) with { HistoryCheckpoint = checkpoint?.Reference };

            await ReachAsync(document, "Writing the Word document", cancellationToken);
            var kept = new List<string>();
            string? contentName = null;
            if (document.Review == DocumentReview.Draft)
            {
                contentName = (await _files.SaveAsync(content.ToJson(), ContentType, cancellationToken)).StoredName;
                kept.Add(contentName);
                content = DocumentReviewing.AsDraft(content, document.Revision);
            }

            var stored = await SaveWordAsync(_files, content, cancellationToken);
            kept.Add(stored.StoredName);
            document.Written(stored.StoredName, FileNameOf(document), stored.SizeBytes, stored.Sha256, _clock.GetUtcNow(), contentName);
            if (document.Review == DocumentReview.Draft)
            {
                await TellReviewersAsync(document, cancellationToken);
            }

            await _files.KeepOnceSavedAsync(kept, () => _db.SaveChangesAsync(cancellationToken));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            _log.LogError(failure, "Writing document {DocumentId} failed", documentId);
            _db.ChangeTracker.Clear();
            var failed = await _db.Documents.SingleAsync(d => d.Id == documentId, CancellationToken.None);
            failed.Failed($"The document could not be written: {failure.Message}");
            await _db.SaveChangesAsync(CancellationToken.None);
        }
    }


    /// <summary>Writes the content as Word into the file store, pending until the caller keeps it.</summary>
    public static async Task<StoredFile> SaveWordAsync(FileStore files, DocumentContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var file = new MemoryStream();
        GovernanceDocumentWriter.Write(content, file);
        return await files.SaveAsync(file.GetBuffer().AsMemory(0, (int)file.Length), WordContentType, cancellationToken);
    }

    /// <summary>A download name that says what the file is and is safe on every system: letters, digits and dashes.</summary>
    public static string FileNameOf(GovernanceDocument document)
    {
        var scope = new string([.. document.ScopeName.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
        while (scope.Contains("--", StringComparison.Ordinal))
        {
            scope = scope.Replace("--", "-", StringComparison.Ordinal);
        }

        scope = scope.Trim('-');
        scope = scope.Length > 60 ? scope[..60].TrimEnd('-') : scope;
        return $"{DocumentKinds.Slug(document.Kind)}-{document.Period:yyyy-MM}{(scope.Length > 0 ? "-" + scope : "")}.docx";
    }

    private async Task ReachAsync(GovernanceDocument document, string stage, CancellationToken cancellationToken)
    {
        document.Reached(stage);
        await _db.SaveChangesAsync(cancellationToken);
    }
}
