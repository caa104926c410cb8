using Verivius.Domain.Common;

namespace Verivius.Domain.Documents;

public enum DocumentStatus
{
    Generating,
    Ready,
    Failed,
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

    private GovernanceDocument()
    {
    }

    public GovernanceDocument(Guid providerId, DocumentKind kind, DateOnly period, DocumentScope scope, string title, DateOnly dataAsOf, string requestedBy)
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
        ScopeName = scope.Name;
        Title = title;
        DataAsOf = dataAsOf;
        RequestedBy = requestedBy;
        ScheduleSlot = requestedBy == BySchedule ? SlotOf(providerId, kind, period, scope) : null;
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

    /// <summary>What the scope is called on the page: the provider, the site or the commissioner.</summary>
    public string ScopeName { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>The last day whose evidence the document reads.</summary>
    public DateOnly DataAsOf { get; private set; }

    /// <summary>The user who asked for it, or <see cref="BySchedule"/>.</summary>
    public string RequestedBy { get; private set; } = "";

    /// <summary>Unique among scheduled documents, null for documents asked for by a person.</summary>
    public string? ScheduleSlot { get; private set; }

    public DocumentStatus Status { get; private set; }

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
        $"{providerId:N}|{DocumentKinds.Slug(kind)}|{period:yyyy-MM}|{scope.SiteId?.ToString("N") ?? scope.CommissionerId ?? "provider"}";

    public void Reached(string stage)
    {
        EnsureGenerating();
        Stage = stage;
    }

    public void Written(string storedName, string fileName, long sizeBytes, string sha256, DateTimeOffset at)
    {
        EnsureGenerating();
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

    private void EnsureGenerating()
    {
        if (Status != DocumentStatus.Generating)
        {
            throw new DomainException($"This document is {Status.ToString().ToLowerInvariant()}, not being written.");
        }
    }
}

/// <summary>What a document covers: the whole provider, one site, or the sites granted to one commissioner.</summary>
public sealed record DocumentScope(string Name, Guid? SiteId = null, string? CommissionerId = null)
{
    public static DocumentScope Provider(string providerName) => new(providerName);

    public static DocumentScope Site(Guid siteId, string siteName) => new(siteName, SiteId: siteId);

    public static DocumentScope Commissioner(string userId, string name) => new(name, CommissionerId: userId);
}
