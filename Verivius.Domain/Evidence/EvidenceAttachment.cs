namespace Verivius.Domain.Evidence;

/// <summary>A file sent with a pack (minutes, an audit report, a photo of a notice), named by its file name.</summary>
public sealed class EvidenceAttachment : SiteRecord, IEvidence
{
    private EvidenceAttachment()
    {
    }

    public EvidenceAttachment(Guid siteId, string fileName, StoredFile file, EvidenceCategory category, DateTimeOffset uploadedAt)
        : base(siteId, fileName)
    {
        File = file;
        AttachmentCategory = category;
        UploadedAt = uploadedAt;
    }

    public StoredFile File { get; private set; } = null!;

    public EvidenceCategory AttachmentCategory { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public override RecordKind Kind => RecordKind.Attachment;

    public EvidenceCategory Category => AttachmentCategory;

    public DateOnly EvidenceDate => DateOnly.FromDateTime(UploadedAt.UtcDateTime);

    /// <summary>A new file under the same name replaces the old one as the site's current evidence.</summary>
    public void Replace(StoredFile file, EvidenceCategory category, DateTimeOffset uploadedAt)
    {
        File = file;
        AttachmentCategory = category;
        UploadedAt = uploadedAt;
    }
}

/// <summary>Where a file is kept and what it is: its generated storage name, content type, size and SHA-256.</summary>
public sealed record StoredFile(string StoredName, string ContentType, long SizeBytes, string Sha256);
