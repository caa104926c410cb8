using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Challenges;

/// <summary>
/// The challenges the person may see, as CSV rows read as they are written out, optionally of one site
/// and one status (<c>active</c>, <c>all</c> or a status). Who may see what is settled before the first row.
/// </summary>
public sealed record ExportChallengesQuery(string? Site, string? Status) : IQuery<IAsyncEnumerable<IEnumerable<string?>>>;

internal sealed class ExportChallengesHandler : IQueryHandler<ExportChallengesQuery, IAsyncEnumerable<IEnumerable<string?>>>
{
    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly ChallengeRunner _runner;

    public ExportChallengesHandler(VeriviusDbContext db, SiteAccess access, ChallengeRunner runner)
    {
        _db = db;
        _access = access;
        _runner = runner;
    }

    public async ValueTask<IAsyncEnumerable<IEnumerable<string?>>> Handle(ExportChallengesQuery query, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Site))
        {
            await _access.ChallengeSiteAsync(query.Site, cancellationToken);
        }

        var filter = new ChallengeFilter(Status: string.IsNullOrWhiteSpace(query.Status) ? ChallengeFilter.AllStatuses : query.Status, Site: query.Site);
        var rows = ChallengeRegister.Rows(_db, _access.ChallengeSites(scope), filter, _runner.Today)
            .OrderBy(r => r.SiteCode).ThenBy(r => r.Code).ThenBy(r => r.RaisedOn)
            .AsAsyncEnumerable();
        return Cells(rows);
    }

    private static async IAsyncEnumerable<IEnumerable<string?>> Cells(IAsyncEnumerable<ChallengeRowVm> rows)
    {
        await foreach (var r in rows)
        {
            yield return ChallengeCsv.Cells(r.Code, r.SiteCode, r.Severity, r.Status, r.Subject, r.Finding, r.RaisedOn, r.UpdatedOn, r.OpenSince);
        }
    }
}

/// <summary>The challenge export's columns and how a challenge fills them, for the page and the command line alike.</summary>
public static class ChallengeCsv
{
    /// <summary>The columns of every challenge export, the command line's included: a contract for scripts.</summary>
    public static readonly IReadOnlyList<string> Columns = ["Code", "SiteCode", "Severity", "Status", "Subject", "Finding", "RaisedOn", "UpdatedOn", "OpenSince"];

    public static IEnumerable<string?> Cells(string code, string siteCode, ChallengeSeverity severity, ChallengeStatus status, string subject, string finding, DateOnly raisedOn, DateOnly updatedOn, DateOnly openSince) =>
        [code, siteCode, severity.ToString(), status.ToString(), subject, finding, raisedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), updatedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), openSince.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
}
