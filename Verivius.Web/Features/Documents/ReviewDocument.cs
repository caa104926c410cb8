using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Documents;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Documents;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Documents;
using Verivius.Web.Mail;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Documents;

/// <summary>
/// The nominated individual (or the approver the provider names) approves a draft they have read, with their commentary: the copy its
/// readers see is written from exactly the content of the draft, with the commentary at the front and
/// the approval on the cover, and any copy of the same month published before it is superseded.
/// </summary>
/// <param name="SiteNotes">Notes on particular sites the document covers, each printed under its site's name in the commentary.</param>
public sealed record ApproveDocumentCommand(Guid Id, string? Commentary, IReadOnlyList<SiteNote>? SiteNotes = null) : ICommand<Outcome>;

/// <summary>The nominated individual asks for the draft to be written again; the result is the new revision.</summary>
public sealed record AskForNewDraftCommand(Guid Id) : ICommand<Outcome<Guid>>;

/// <summary>The nominated individual takes back a published document, with the reason its readers see.</summary>
public sealed record WithdrawDocumentCommand(Guid Id, string? Reason) : ICommand<Outcome>;

internal sealed class ReviewDocumentHandler :
    ICommandHandler<ApproveDocumentCommand, Outcome>,
    ICommandHandler<AskForNewDraftCommand, Outcome<Guid>>,
    ICommandHandler<WithdrawDocumentCommand, Outcome>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly FileStore _files;
    private readonly DocumentRequests _requests;
    private readonly CurrentActor _actor;
    private readonly TimeProvider _clock;
    private readonly MailComposer _mail;

    public ReviewDocumentHandler(VeriviusDbContext db, SiteAccess access, FileStore files, DocumentRequests requests, CurrentActor actor, TimeProvider clock, MailComposer mail)
    {
        _mail = mail;
        _db = db;
        _access = access;
        _files = files;
        _requests = requests;
        _actor = actor;
        _clock = clock;
    }

    public async ValueTask<Outcome> Handle(ApproveDocumentCommand command, CancellationToken cancellationToken)
    {
        var document = await ReviewableAsync(command.Id, cancellationToken);
        var commentary = Typed(command.Commentary);
        var notes = (command.SiteNotes ?? []).Where(n => !string.IsNullOrWhiteSpace(n.Text)).ToList();
        var sites = notes.Count == 0 ? [] : (await DocumentSites.OfAsync(_db, document.Kind, document.ProviderId, document.CommissionerId, cancellationToken)).ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        if (notes.Any(n => n.SiteCode is null || !sites.ContainsKey(n.SiteCode.Trim())))
        {
            return Outcome.Refused(nameof(command.SiteNotes), "Choose, for each note on a site, one of the sites this document covers.");
        }

        var siteNotes = notes.Select(n => new DocumentReviewing.SiteCommentary(sites[n.SiteCode!.Trim()].Named, Typed(n.Text))).ToList();
        var recorded = string.Join("\n", new[] { commentary }.Concat(siteNotes.Select(n => $"On {n.Site}: {n.Text.Replace('\n', ' ')}")).Where(t => t.Length > 0));
        if (recorded.Length > GovernanceDocument.MaxCommentaryLength)
        {
            return Outcome.Refused(nameof(command.Commentary), $"The commentary and the notes on sites come to {recorded.Length:N0} characters; together they can be at most {GovernanceDocument.MaxCommentaryLength:N0}.");
        }

        if (document.Review != DocumentReview.Draft || document.Status != DocumentStatus.Ready || document.ContentStoredName is null)
        {
            return Outcome.Refused(nameof(command.Id), "Only a written draft waiting for review can be approved.");
        }

        DocumentContent content;
        await using (var kept = _files.Open(document.ContentStoredName))
        {
            content = DocumentContent.FromJson(kept);
        }

        var now = _clock.GetUtcNow();
        var approver = await ApproverNameAsync(cancellationToken);
        var part = DocumentApprovers.Part(await _access.ScopeAsync(cancellationToken));
        var published = DocumentReviewing.AsPublished(content, commentary, siteNotes, $"Approved by {approver}, {part}, on {now.ToBritishDate()}.");
        var stored = await DocumentGenerator.SaveWordAsync(_files, published, cancellationToken);
        var earlier = await _db.Documents.Where(d => d.Series == document.Series && d.Id != document.Id && d.Review == DocumentReview.Published).ToListAsync(cancellationToken);
        earlier.ForEach(d => d.Supersede());
        document.Approve(_actor.ActorName, now, recorded, stored.StoredName, stored.SizeBytes, stored.Sha256);
        if (document.Kind == DocumentKind.CommissionerUpdate)
        {
            var covered = await SiteNamesAsync(document, cancellationToken);
            await TellCommissionerAsync(document, provider => new MailMessageVm(
                $"Recovery update for {document.Period.ToBritishMonth()} from {provider}",
                [
                    $"{provider} has published its recovery update for {document.Period.ToBritishMonth()} on the services it runs for you: {covered}.",
                    $"It was approved by {approver}, {part}, on {now.ToBritishDate()}.",
                ],
                "Read the update in Verivius",
                _mail.Link($"/documents/{document.Id}"),
                $"You get this because you commission services from {provider} and Verivius sends you its recovery updates."), MailKinds.UpdatePublished, cancellationToken);
        }

        await _files.KeepOnceSavedAsync([stored.StoredName], () => _db.SaveChangesAsync(cancellationToken));

        // Its PDF copy is made in the background, as a written document's is.
        await _requests.QueueAsync(document.Id, cancellationToken);
        return Outcome.Done;
    }

    public async ValueTask<Outcome<Guid>> Handle(AskForNewDraftCommand command, CancellationToken cancellationToken)
    {
        var draft = await ReviewableAsync(command.Id, cancellationToken);
        if (draft.Review != DocumentReview.Draft || draft.Status == DocumentStatus.Generating)
        {
            return Outcome<Guid>.Refused(nameof(command.Id), "A new draft is asked for from a written draft; this one is not waiting for review.");
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var scope = new DocumentScope(draft.ScopeName, draft.SiteId, draft.CommissionerId);
        var next = new GovernanceDocument(draft.ProviderId, draft.Kind, draft.Period, scope, draft.Title, DocumentGenerator.DataAsOf(draft.Period, today), _actor.ActorName);
        return Outcome<Guid>.Of(await _requests.AskAsync(_db, next, cancellationToken));
    }

    public async ValueTask<Outcome> Handle(WithdrawDocumentCommand command, CancellationToken cancellationToken)
    {
        var document = await ReviewableAsync(command.Id, cancellationToken);
        var reason = command.Reason?.Trim() ?? "";
        if (document.Review != DocumentReview.Published)
        {
            return Outcome.Refused(nameof(command.Id), "Only a published document can be withdrawn.");
        }

        if (reason.Length == 0 || reason.Length > GovernanceDocument.MaxReasonLength)
        {
            return Outcome.Refused(nameof(command.Reason), $"Say why it is withdrawn, in at most {GovernanceDocument.MaxReasonLength:N0} characters: its readers will see the reason.");
        }

        document.Withdraw(_actor.ActorName, _clock.GetUtcNow(), reason);
        if (document.Kind == DocumentKind.CommissionerUpdate)
        {
            await TellCommissionerAsync(document, provider => new MailMessageVm(
                $"Recovery update for {document.Period.ToBritishMonth()} withdrawn by {provider}",
                [
                    $"{provider} has withdrawn the recovery update for {document.Period.ToBritishMonth()} that it sent you. Please do not rely on it.",
                    $"Their reason: {reason}",
                ],
                "See the update's page in Verivius",
                _mail.Link($"/documents/{document.Id}"),
                $"You get this because you had this update from {provider}; a withdrawal is always sent."), MailKinds.UpdateWithdrawn, cancellationToken);
        }

        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>A document of the nominated individual's own provider whose kind is reviewed; anyone else is refused.</summary>
    private async Task<GovernanceDocument> ReviewableAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        var document = await ReadableDocuments.For(_db, scope).SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw new NotFoundException("There is no such document, or it is not yours to read.");
        if (!await DocumentApprovers.MayReviewAsync(_db, scope, document.ProviderId, cancellationToken))
        {
            throw new ForbiddenException("Documents are approved, redrafted and withdrawn by the provider's nominated individual, or the approver the provider names.");
        }

        if (!DocumentKinds.NeedsApproval(document.Kind))
        {
            throw new DomainException($"A {DocumentKinds.Title(document.Kind).ToLowerInvariant()} is not reviewed: it is there for its readers as soon as it is written.");
        }

        return document;
    }

    /// <summary>Puts a message to the update's commissioner in the outbox, saved with the review step that causes it.</summary>
    private async Task TellCommissionerAsync(GovernanceDocument update, Func<string, MailMessageVm> message, string kind, CancellationToken cancellationToken)
    {
        var to = await _db.Users.Where(u => u.Id == update.CommissionerId && !u.IsDisabled).Select(u => new MailRecipient(u.Id, u.Email!)).SingleOrDefaultAsync(cancellationToken);
        var provider = await _db.Providers.Where(p => p.Id == update.ProviderId).Select(p => p.Name).SingleAsync(cancellationToken);
        var attach = kind == MailKinds.UpdatePublished
            && await _db.MailSchedules.AnyAsync(s => s.ProviderId == update.ProviderId && s.AttachUpdates, cancellationToken);
        if (to is not null)
        {
            await _mail.AddAsync(_db, update.ProviderId, kind, to, message(provider), cancellationToken, attachDocumentId: attach ? update.Id : null);
        }
    }

    private async Task<string> SiteNamesAsync(GovernanceDocument update, CancellationToken cancellationToken) =>
        string.Join(", ", (await DocumentSites.OfAsync(_db, update.Kind, update.ProviderId, update.CommissionerId, cancellationToken)).Select(s => s.Name));

    private static string Typed(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";

    private async Task<string> ApproverNameAsync(CancellationToken cancellationToken)
    {
        var name = await PeopleNames.ForAsync(_db, [_actor.ActorName], cancellationToken);
        return name(_actor.ActorName);
    }
}
