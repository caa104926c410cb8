using Verivius.Domain.Common;

namespace Verivius.Domain.Packs;

/// <summary>
/// A site's pack for one calendar month. Every upload is a new version; earlier versions are kept and
/// stay downloadable, and the same file uploaded again makes no new version.
/// </summary>
public sealed class MonthlyPack : Entity
{
    private readonly List<PackVersion> _versions = [];

    private MonthlyPack()
    {
    }

    public MonthlyPack(Guid siteId, PackPeriod period)
    {
        SiteId = siteId;
        Period = period.FirstDay;
    }

    public Guid SiteId { get; private set; }

    /// <summary>The first day of the pack's month.</summary>
    public DateOnly Period { get; private set; }

    public IReadOnlyList<PackVersion> Versions => _versions;

    public PackVersion? Latest => _versions.MaxBy(v => v.Number);

    /// <summary>True when this exact file (by SHA-256) is already the latest version: uploading it again changes nothing.</summary>
    public bool IsLatest(string sha256) => Latest?.Sha256 == sha256;

    public PackVersion AddVersion(string fileName, string storedName, long sizeBytes, string sha256, string uploadedBy, DateTimeOffset uploadedAt, string rowCounts)
    {
        var version = new PackVersion(Id, (Latest?.Number ?? 0) + 1, fileName, storedName, sizeBytes, sha256, uploadedBy, uploadedAt, rowCounts);
        _versions.Add(version);
        return version;
    }
}
