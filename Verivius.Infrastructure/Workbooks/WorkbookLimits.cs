namespace Verivius.Infrastructure.Workbooks;

/// <summary>
/// How big a workbook may be before it is refused unread. A real monthly pack is a few hundred
/// kilobytes; these limits leave room for large providers and stop zip bombs early and cheaply.
/// </summary>
public sealed record WorkbookLimits
{
    public static WorkbookLimits Default { get; } = new();

    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;

    public int MaxZipEntries { get; init; } = 500;

    /// <summary>The most any one part may declare it unpacks to.</summary>
    public long MaxPartBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>How much more a large part may unpack to than it takes packed; XML packs about 10:1.</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>How deep any part's XML may nest; a pack needs fewer than 10 levels.</summary>
    public int MaxXmlDepth { get; init; } = 32;

    /// <summary>The most XML elements any one part may hold: a full 10,000-row sheet has about half a million.</summary>
    public long MaxElementsPerPart { get; init; } = 2_000_000;

    /// <summary>The SDK's own backstop while it reads a part, whatever the zip declared.</summary>
    public long MaxCharactersInPart { get; init; } = 100_000_000;
}
