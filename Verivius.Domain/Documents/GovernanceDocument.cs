using System.Linq.Expressions;
using Verivius.Domain.Common;

namespace Verivius.Domain.Documents;

public enum DocumentStatus
{
    Generating,
    Ready,
    Failed,
}

/// <summary>Where a document stands with its reviewer.</summary>
public enum DocumentReview
{
    /// <summary>A kind read only inside the management of the sites: it is there as soon as it is written.</summary>
    NotNeeded,

    /// <summary>Written, or being written, for the nominated individual to read and approve; nobody else sees it.</summary>
    Draft,

    /// <summary>Approved, with its commentary: the copy its readers see.</summary>
    Published,

    /// <summary>Replaced by a later revision of the same document.</summary>
    Superseded,

    /// <summary>Published, then withdrawn with a reason its readers see.</summary>
    Withdrawn,
}

/// <summary>
/// One written governance document, kept for ever with what it covers (kind, month, scope), who or
/// what asked for it, the day its evidence is as at, and the fingerprint of the file. A scheduled
/// document holds its slot — (provider, kind, month, scope) — so the schedule writes each at most once.
/// </summary>
public sealed class GovernanceDocument : Entity
{
    public const string BySchedule = "schedule";
    public const int MaxScopeLength = 256;
    public const int MaxCommentaryLength = 4000;
    public const int MaxReasonLength = 1000;

    private GovernanceDocument()
    {
    }

    /// <param name="revision">Which writing of this (kind, month, scope) it is: 1 for the first, one more for each asked for again.</param>
    public GovernanceDocument(Guid providerId, DocumentKind kind, DateOnly period, DocumentScope scope, string title, DateOnly dataAsOf, string requestedBy, int revision = 1)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (period.Day != 1)
        {
            throw new DomainException("A document's period is a month: its first day.");
        }

        ProviderId = providerId;
        Kind = kind;
        Period = period;
        SiteId = scope.SiteId;
        CommissionerId = scope.CommissionerId;
        MeetingId = scope.MeetingId;
        ScopeName = scope.Name;
        Title = title;
        DataAsOf = dataAsOf;
        RequestedBy = requestedBy;
        Series = SlotOf(providerId, kind, period, scope);
        ScheduleSlot = requestedBy == BySchedule ? Series : null;
        Revision = revision >= 1 ? revision : throw new DomainException("A document's revisions are numbered from 1.");
        Review = DocumentKinds.NeedsApproval(kind) ? DocumentReview.Draft : DocumentReview.NotNeeded;
        Stage = "Waiting to start";
    }

    public Guid ProviderId { get; private set; }

    public DocumentKind Kind { get; private set; }

    /// <summary>The first day of the month the document reports on.</summary>
    public DateOnly Period { get; private set; }

    /// <summary>The site of a site pack or trail audit report; null for provider-wide documents.</summary>
    public Guid? SiteId { get; private set; }

    /// <summary>The user a commissioner update is addressed to.</summary>
    public string? CommissionerId { get; private set; }

    /// <summary>The oversight meeting whose minutes these are.</summary>
    public Guid? MeetingId { get; private set; }

    /// <summary>What the scope is called on the page: the provider, the site or the commissioner.</summary>
    public string ScopeName { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>The last day whose evidence the document reads.</summary>
    public DateOnly DataAsOf { get; private set; }

    /// <summary>The user who asked for it, or <see cref="BySchedule"/>.</summary>
    public string RequestedBy { get; private set; } = "";

    /// <summary>Unique among scheduled documents, null for documents asked for by a person.</summary>
    public string? ScheduleSlot { get; private set; }

    /// <summary>What the revisions of one document share: the provider, kind, month and scope.</summary>
    public string Series { get; private set; } = "";

    public int Revision { get; private set; }

    public DocumentStatus Status { get; private set; }

    public DocumentReview Review { get; private set; }

    /// <summary>The nominated individual's commentary, printed at the front of the published copy.</summary>
    public string? Commentary { get; private set; }

    /// <summary>Who approved or withdrew it, and when.</summary>
    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? WithdrawnReason { get; private set; }

    /// <summary>The draft's file, kept once the approved copy replaces it as <see cref="StoredName"/>.</summary>
    public string? DraftStoredName { get; private set; }

    /// <summary>The PDF copy of the file its readers see, made in the background where LibreOffice is installed.</summary>
    public string? PdfStoredName { get; private set; }

    public long PdfSizeBytes { get; private set; }

    /// <summary>Written and shown to its readers, with no PDF copy yet; as an expression, so a query of the store asks exactly this.</summary>
    public static readonly Expression<Func<GovernanceDocument, bool>> WantingPdf =
        d => d.Status == DocumentStatus.Ready && d.PdfStoredName == null && (d.Review == DocumentReview.Published || d.Review == DocumentReview.NotNeeded);

    private static readonly Func<GovernanceDocument, bool> WantingPdfNow = WantingPdf.Compile();

    /// <summary>Written and shown to its readers, with no PDF copy yet (<see cref="WantingPdf"/>).</summary>
    public bool WantsPdf => WantingPdfNow(this);

    /// <summary>What the draft says, kept so the approved copy says exactly the same with the commentary added.</summary>
    public string? ContentStoredName { get; private set; }

    /// <summary>Where the writing is, for the page that waits on it.</summary>
    public string Stage { get; private set; } = "";

    public string? FailureReason { get; private set; }

    public DateTimeOffset? GeneratedAt { get; private set; }

    public string? StoredName { get; private set; }

    public string? FileName { get; private set; }

    public long SizeBytes { get; private set; }

    public string? Sha256 { get; private set; }

    public bool IsScheduled => RequestedBy == BySchedule;

    public static string SlotOf(Guid providerId, DocumentKind kind, DateOnly period, DocumentScope scope) =>
        $"{providerId:N}|{DocumentKinds.Slug(kind)}|{period:yyyy-MM}|{scope.SiteId?.ToString("N") ?? scope.MeetingId?.ToString("N") ?? scope.CommissionerId ?? "provider"}";

    /// <summary>Numbers a document asked for again as the revision after the latest of its series.</summary>
    public void FollowRevision(int latest)
    {
        EnsureGenerating();
        Revision = latest + 1;
    }

    public void Reached(string stage)
    {
        EnsureGenerating();
        Stage = stage;
    }

    public void Written(string storedName, string fileName, long sizeBytes, string sha256, DateTimeOffset at, string? contentStoredName = null)
    {
        EnsureGenerating();
        ContentStoredName = contentStoredName;
        StoredName = storedName;
        FileName = fileName;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        GeneratedAt = at;
        Status = DocumentStatus.Ready;
        Stage = "Ready";
    }

    public void Failed(string reason)
    {
        Status = DocumentStatus.Failed;
        Stage = "Failed";
        FailureReason = reason.Length > 1000 ? reason[..1000] : reason;
    }

    /// <summary>A scheduled slot whose writing was cut short (a restart, a failure) is written again in place.</summary>
    public void Restart(DateOnly dataAsOf)
    {
        if (Status == DocumentStatus.Ready)
        {
            throw new DomainException("This document has been written; its slot is not written twice.");
        }

        Status = DocumentStatus.Generating;
        Stage = "Waiting to start";
        FailureReason = null;
        DataAsOf = dataAsOf;
    }

    /// <summary>The nominated individual approves the draft they read; the copy with their commentary becomes the one its readers see.</summary>
    public void Approve(string reviewer, DateTimeOffset at, string? commentary, string storedName, long sizeBytes, string sha256)
    {
        EnsureDraftReady("approved");
        Commentary = string.IsNullOrWhiteSpace(commentary) ? null : commentary.Trim();
        if (Commentary?.Length > MaxCommentaryLength)
        {
            throw new DomainException($"A commentary can be at most {MaxCommentaryLength} characters.");
        }

        DraftStoredName = StoredName;
        StoredName = storedName;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        Review = DocumentReview.Published;
        ReviewedBy = reviewer;
        ReviewedAt = at;
    }

    public void ConvertedToPdf(string storedName, long sizeBytes)
    {
        if (!WantsPdf)
        {
            throw new DomainException("Only a written document shown to its readers gets a PDF copy, once.");
        }

        PdfStoredName = storedName;
        PdfSizeBytes = sizeBytes;
    }

    /// <summary>A later revision takes this one's place: a draft nobody will approve, or the copy published before it.</summary>
    public void Supersede()
    {
        if (Review is DocumentReview.Draft or DocumentReview.Published)
        {
            Review = DocumentReview.Superseded;
        }
    }

    /// <summary>A published document is taken back; its readers see that it was, and why.</summary>
    public void Withdraw(string reviewer, DateTimeOffset at, string reason)
    {
        if (Review != DocumentReview.Published)
        {
            throw new DomainException("Only a published document can be withdrawn.");
        }

        var why = reason?.Trim() ?? "";
        if (why.Length == 0 || why.Length > MaxReasonLength)
        {
            throw new DomainException($"Give the reason for withdrawing it, in at most {MaxReasonLength} characters: its readers see it.");
        }

        Review = DocumentReview.Withdrawn;
        WithdrawnReason = why;
        ReviewedBy = reviewer;
        ReviewedAt = at;
    }

    private void EnsureDraftReady(string what)
    {
        if (Review != DocumentReview.Draft || Status != DocumentStatus.Ready)
        {
            throw new DomainException($"Only a written draft can be {what}; this one is {(Status == DocumentStatus.Ready ? Review.ToString() : Status.ToString()).ToLowerInvariant()}.");
        }
    }

    private void EnsureGenerating()
    {
        if (Status != DocumentStatus.Generating)
        {
            throw new DomainException($"This document is {Status.ToString().ToLowerInvariant()}, not being written.");
        }
    }
}

/// <summary>What a document covers: the whole provider, one site, the sites granted to one commissioner, or one oversight meeting.</summary>
public sealed record DocumentScope(string Name, Guid? SiteId = null, string? CommissionerId = null, Guid? MeetingId = null)
{
    public static DocumentScope Provider(string providerName) => new(providerName);

    public static DocumentScope Site(Guid siteId, string siteName) => new(siteName, SiteId: siteId);

    public static DocumentScope Commissioner(string userId, string name) => new(name, CommissionerId: userId);

    /// <summary>A meeting's minutes, named by the meeting's title and the day it was held.</summary>
    public static DocumentScope Meeting(Guid meetingId, string title, DateOnly heldOn) => new($"{title}, {heldOn.ToBritishDate()}", MeetingId: meetingId);
}
