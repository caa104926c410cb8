namespace Verivius.Domain.History;

/// <summary>
/// The instant a sealed record keeps: UTC, cut to whole microseconds, the finest every supported engine
/// stores exactly (PostgreSQL's timestamptz keeps microseconds, not .NET's 100 ns ticks), so the time
/// sealed is the time read back and the seal still matches.
/// </summary>
public static class ChainTime
{
    public static DateTimeOffset Of(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.UtcTicks - (utc.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}
