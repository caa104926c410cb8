using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Trail;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Trail;

/// <summary>
/// Audits sites' months against their provider's thresholds as at today, and writes the gaps as CSV:
/// one service for the trail audit pages, the Word report and the command line.
/// </summary>
public sealed class TrailAuditor
{
    public static readonly string[] CsvColumns = ["SiteCode", "Month", "Item", "Ref", "Step", "Found", "Reason"];

    private readonly VeriviusDbContext _db;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;

    public TrailAuditor(VeriviusDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
    {
        _db = db;
        _scopes = scopes;
        _clock = clock;
    }

    public DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    /// <summary>The twelve complete months an audit picks among, newest first.</summary>
    public static List<DateOnly> LastTwelveMonths(DateOnly today) =>
        [.. Enumerable.Range(1, 12).Select(back => new DateOnly(today.Year, today.Month, 1).AddMonths(-back))];

    public static string Csv(string siteCode, TrailAuditResult audit)
    {
        var csv = new System.Text.StringBuilder(CsvWriter.Line(CsvColumns));
        var month = audit.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        foreach (var chain in audit.Chains)
        {
            foreach (var gap in chain.Gaps)
            {
                csv.Append(CsvWriter.Line([siteCode, month, chain.Kind.ToString(), chain.Ref, gap.Step, gap.Found, gap.Reason]));
            }
        }

        return csv.ToString();
    }

    /// <summary>Audits the sites' month against the provider's own thresholds, as at today.</summary>
    public async Task<Dictionary<Guid, TrailAuditResult>> AuditAsync(IReadOnlyCollection<Guid> siteIds, Guid providerId, DateOnly month, CancellationToken cancellationToken)
    {
        var thresholds = await _db.ChallengeSettings.AsNoTracking().Where(s => s.ProviderId == providerId).Select(s => s.Thresholds).FirstOrDefaultAsync(cancellationToken)
            ?? ChallengeThresholds.Defaults;
        var today = Today;
        var evidence = await TrailEvidenceLoader.LoadAsync(_db, _scopes, siteIds, month, today, thresholds.SupervisionDays, cancellationToken);
        return evidence.ToDictionary(e => e.Key, e => TrailAudit.Of(e.Value, month, today, thresholds, WorkingDays.EnglandAndWales));
    }
}
