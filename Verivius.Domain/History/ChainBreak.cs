namespace Verivius.Domain.History;

/// <summary>The first place where the change log's chain does not hold, and why.</summary>
public sealed record ChainBreak(long Sequence, string Reason);
