namespace Verivius.Domain.Evidence;

/// <summary>A resolved pointer to one record of a site: which kind, and its id.</summary>
public readonly record struct RecordLink(RecordKind Kind, Guid RecordId);
