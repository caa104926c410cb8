using System.Linq.Expressions;
using Verivius.Domain.Challenges;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>The register's rows as one query: filtered by site scope and the register's filters, projected in SQL.</summary>
internal static class ChallengeRegister
{
    // Most severe first: the one rank the register sorts by, in SQL and in memory alike.
    private static readonly Expression<Func<ChallengeRowVm, int>> SeverityRank = r => r.Severity == ChallengeSeverity.High ? 0 : r.Severity == ChallengeSeverity.Medium ? 1 : 2;
    private static readonly Func<ChallengeRowVm, int> SeverityRankOf = SeverityRank.Compile();

    public static IQueryable<ChallengeRowVm> Rows(VeriviusDbContext db, IQueryable<Site> sites, ChallengeFilter filter, DateOnly today)
    {
        var challenges = db.Challenges.AsQueryable();
        if (filter.Statuses is { } statuses)
        {
            challenges = challenges.Where(c => statuses.Contains(c.Status));
        }

        if (!string.IsNullOrWhiteSpace(filter.Code))
        {
            var code = filter.Code.Trim().ToUpperInvariant();
            challenges = challenges.Where(c => c.Code == code);
        }

        if (filter.RecordValue is { Kind: var kind, Ref: var reference })
        {
            challenges = challenges.Where(c => c.Records.Any(s => s.Kind == kind && s.Ref == reference));
        }

        if (filter.SeverityValue is { } severity)
        {
            challenges = challenges.Where(c => c.Severity == severity);
        }

        if (filter.OpenDays is int days and > 0)
        {
            var openedBy = today.AddDays(-days);
            challenges = challenges.Where(c => c.OpenSince <= openedBy);
        }

        if (!string.IsNullOrWhiteSpace(filter.Site))
        {
            var site = filter.Site.Trim();
            sites = sites.Where(s => s.Code == site);
        }

        return challenges.Join(sites, c => c.SiteId, s => s.Id, (c, s) => new ChallengeRowVm
        {
            Id = c.Id,
            SiteCode = s.Code,
            SiteName = s.Name,
            Code = c.Code,
            Severity = c.Severity,
            Status = c.Status,
            Subjects = c.Subjects,
            Finding = c.Finding,
            RaisedOn = c.RaisedOn,
            OpenSince = c.OpenSince,
            UpdatedOn = c.UpdatedOn,
            Escalated = c.EscalatedOn != null,
        });
    }

    /// <summary>Rows read in any order, as <see cref="BySeverity"/> lists them (most severe first), with site and identifier settling ties.</summary>
    public static IEnumerable<ChallengeRowVm> InRegisterOrder(IEnumerable<ChallengeRowVm> rows) =>
        rows.OrderBy(SeverityRankOf).ThenBy(r => r.OpenSince).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.SiteCode, StringComparer.Ordinal).ThenBy(r => r.Id);

    /// <summary>Most severe first (or last), then the longest open.</summary>
    public static IQueryable<ChallengeRowVm> BySeverity(IQueryable<ChallengeRowVm> rows, bool descending)
    {
        return descending
            ? rows.OrderByDescending(SeverityRank).ThenBy(r => r.OpenSince).ThenBy(r => r.Code)
            : rows.OrderBy(SeverityRank).ThenBy(r => r.OpenSince).ThenBy(r => r.Code);
    }
}
