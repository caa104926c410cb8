using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;

namespace Verivius.Web.SiteRecords;

/// <param name="Owed">Whether the site owes this month's pack: the month is not before its reporting month.</param>
public sealed record PackMonthVm(DateOnly Period, int Versions, string? LatestBy, DateTimeOffset? LatestAt, bool Owed)
{
    public bool Received => Versions > 0;

    /// <summary>"Received", "Not received", or "Not owed" for a month before the site reported.</summary>
    public string InWords => Received ? "Received" : Owed ? "Not received" : "Not owed";
}

/// <param name="AwaitingChallengeCheck">Whether the engine is still to check the site after this version; <paramref name="ChallengeCheck"/> says what it changed once it has.</param>
public sealed record PackVersionVm(
    DateOnly Period, int Number, string FileName, long SizeBytes, string Sha256, string UploadedBy, DateTimeOffset UploadedAt, string RowCounts, bool AwaitingChallengeCheck,
    string? ChallengeCheck);

/// <summary>A site's pack versions and the months it owes, for every page that shows them.</summary>
public static class PackHistory
{
    /// <summary>Every version of every pack of the site, newest month and version first, each with who sent it by name.</summary>
    public static async Task<List<PackVersionVm>> VersionsAsync(VeriviusDbContext db, Guid siteId, CancellationToken cancellationToken)
    {
        var versions = await (from version in db.PackVersions
                              join pack in db.Packs on version.PackId equals pack.Id
                              where pack.SiteId == siteId
                              orderby pack.Period descending, version.Number descending
                              select new PackVersionVm(
                                  pack.Period, version.Number, version.FileName, version.SizeBytes, version.Sha256, version.UploadedBy, version.UploadedAt, version.RowCounts,
                                  version.AwaitingChallengeCheck, version.ChallengeCheck))
            .ToListAsync(cancellationToken);
        var who = await PeopleNames.ForAsync(db, versions.Select(v => v.UploadedBy), cancellationToken);
        return [.. versions.Select(v => v with { UploadedBy = who(v.UploadedBy) })];
    }

    /// <summary>The twelve complete months before today, each received or not, and owed or not, newest first.</summary>
    public static List<PackMonthVm> LastTwelveMonths(List<PackVersionVm> versions, DateOnly today, DateOnly reportingFrom) =>
        Enumerable.Range(1, 12)
            .Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back))
            .Select(month =>
            {
                var ofMonth = versions.Where(v => v.Period == month).ToList();
                var latest = ofMonth.MaxBy(v => v.Number);
                return new PackMonthVm(month, ofMonth.Count, latest?.UploadedBy, latest?.UploadedAt, month >= reportingFrom);
            })
            .ToList();
}
