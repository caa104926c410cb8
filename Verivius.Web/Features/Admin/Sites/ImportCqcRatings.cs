using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Sites;

/// <summary>
/// Records CQC's published ratings of the provider's sites from CSV (<c>SiteCode,Overall,WellLed,PublishedOn,ReportUrl</c>;
/// <c>WellLed</c> and <c>ReportUrl</c> may be empty, and an empty <c>Overall</c> with an empty date clears a
/// site's rating). All or nothing: any bad line and no rating changes.
/// </summary>
public sealed record ImportCqcRatingsCommand(string Csv, string? ProviderName = null) : ICommand<Outcome<int>>;

internal sealed class ImportCqcRatingsHandler : ICommandHandler<ImportCqcRatingsCommand, Outcome<int>>
{
    public const int MaxRows = 5000;

    public static readonly string[] Columns = ["SiteCode", "Overall", "WellLed", "PublishedOn", "ReportUrl"];

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public ImportCqcRatingsHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<Outcome<int>> Handle(ImportCqcRatingsCommand command, CancellationToken cancellationToken)
    {
        var (providerId, unknownProvider) = await ImportingProvider.ResolveAsync(_db, _access, command.ProviderName, cancellationToken);
        if (unknownProvider is not null)
        {
            return Outcome<int>.Refused("File", unknownProvider);
        }

        var (table, unreadable) = SiteTable.Read(command.Csv, MaxRows, Columns);
        if (unreadable is not null)
        {
            return Outcome<int>.Refused("File", unreadable);
        }

        if (table.Rows.Count == 0)
        {
            return Outcome<int>.Refused("File", "The file has a header but no ratings.");
        }

        var codes = table.Rows.Select(r => table.Field(r, "SiteCode")).ToList();
        var sites = await _db.Sites.Where(s => s.ProviderId == providerId && codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var problems = new List<FieldProblem>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var code = table.Field(row, "SiteCode");
            var (overall, wellLed, published, report) = (table.Field(row, "Overall"), table.Field(row, "WellLed"), table.Field(row, "PublishedOn"), table.Field(row, "ReportUrl"));
            var problem = (seen.TryGetValue(code, out var first) ? $"site {code} is also on line {first}" : null)
                ?? (sites.ContainsKey(code) ? null : $"{code} is not a site of your provider")
                ?? RatingProblem(overall, "Overall")
                ?? RatingProblem(wellLed, "WellLed")
                ?? (published.Length == 0 || WrittenValues.TryDate(published, out _) ? null : $"PublishedOn \"{published}\" is not a date; write it as {today:yyyy-MM-dd}")
                ?? (Site.ReportUrlProblem(report, code) is { } badAddress ? $"ReportUrl: {char.ToLowerInvariant(badAddress[0])}{badAddress[1..]}" : null);
            seen.TryAdd(code, row.Line);
            if (problem is null)
            {
                try
                {
                    sites[code].RecordCqcRating(Rating(overall), WrittenValues.TryDate(published, out var day) ? day : null, today, Rating(wellLed), report);
                }
                catch (DomainException refused)
                {
                    problem = char.ToLowerInvariant(refused.Message[0]) + refused.Message[1..];
                }
            }

            if (problem is not null)
            {
                problems.Add(new FieldProblem("File", $"Line {row.Line}: {problem.TrimEnd('.')}."));
            }
        }

        if (problems.Count > 0)
        {
            _db.ChangeTracker.Clear();
            return Outcome<int>.Refused(problems);
        }

        await _db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Of(table.Rows.Count);
    }

    /// <summary>A rating as CQC writes it ("Requires improvement") or as the portal stores it ("RequiresImprovement"); empty is none.</summary>
    private static QualityRating? Rating(string text) => WrittenValues.Choice<QualityRating>(text);

    private static string? RatingProblem(string text, string column) =>
        text.Length == 0 || Rating(text) is not null ? null : $"{column} \"{text}\" is not one of CQC's ratings; use Outstanding, Good, Requires improvement or Inadequate";
}
