using System.Globalization;

namespace Verivius.Benchmarks;

/// <summary>
/// What the benchmark process has read from the disk itself rather than from the page cache. The machine the figures
/// are taken on pages out file pages no one has touched for about a minute (DAMON's reclaim, even with most of the
/// memory free), so a measure that reads records untouched for a minute waits for the disk: each slow sample can then
/// say whether that is why, and a slow row be told from a slow build.
/// </summary>
internal readonly record struct DiskReads(long? BytesAtStart)
{
    private const string ProcessIo = "/proc/self/io";

    public static DiskReads Start() => new(BytesReadSoFar());

    /// <summary>Megabytes read from the disk since <see cref="Start"/>, as a figure to print.</summary>
    public string Since() => BytesAtStart is { } start && BytesReadSoFar() is { } now
        ? string.Create(CultureInfo.InvariantCulture, $"{(now - start) / 1048576.0:F1} MB")
        : "unknown";

    /// <returns>The kernel's <c>read_bytes</c> for this process, or null where it does not keep one (outside Linux).</returns>
    private static long? BytesReadSoFar()
    {
        if (!File.Exists(ProcessIo))
        {
            return null;
        }

        var line = File.ReadLines(ProcessIo).FirstOrDefault(l => l.StartsWith("read_bytes:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line["read_bytes:".Length..], NumberStyles.AllowLeadingWhite, CultureInfo.InvariantCulture);
    }
}
