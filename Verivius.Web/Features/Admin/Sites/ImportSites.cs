using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Packs;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Sites;

/// <summary>
/// Adds sites from CSV (<c>SiteCode,Name,ServiceType</c>, optionally <c>RegisteredManager</c> and
/// <c>ReportingFrom</c>, the first month owed as <c>yyyy-MM</c>, this month when empty), or updates the
/// provider's own sites with the same code. All or nothing: any bad line and no site is touched.
/// </summary>
public sealed record ImportSitesCommand(string Csv, string? ProviderName = null) : ICommand<Outcome<SiteImportResult>>;

public sealed record SiteImportResult(int Added, int Updated);

internal sealed class ImportSitesHandler : ICommandHandler<ImportSitesCommand, Outcome<SiteImportResult>>
{
    public const int MaxRows = 5000;

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly TimeProvider _clock;

    public ImportSitesHandler(VeriviusDbContext db, SiteAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async ValueTask<Outcome<SiteImportResult>> Handle(ImportSitesCommand command, CancellationToken cancellationToken)
    {
        var (providerId, unknownProvider) = await ImportingProvider.ResolveAsync(_db, _access, command.ProviderName, cancellationToken);
        if (unknownProvider is not null)
        {
            return Refused(unknownProvider);
        }

        var (table, unreadable) = SiteTable.Read(command.Csv, MaxRows, SiteTable.SiteColumns);
        if (unreadable is not null)
        {
            return Refused(unreadable);
        }

        var problems = await DescribeSitesAsync(providerId, table, cancellationToken);
        if (problems.Count > 0)
        {
            // Nothing tracked here is saved: the scope ends with its changes discarded.
            _db.ChangeTracker.Clear();
            return Outcome<SiteImportResult>.Refused(problems);
        }

        if (table.Rows.Count == 0)
        {
            return Refused("The file has a header but no sites.");
        }

        var added = _db.ChangeTracker.Entries<Site>().Count(e => e.State == EntityState.Added);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome<SiteImportResult>.Of(new SiteImportResult(added, table.Rows.Count - added));
    }

    /// <summary>Adds or describes each row's site, tracked but not saved; returns every line's problem.</summary>
    private async Task<List<FieldProblem>> DescribeSitesAsync(Guid providerId, SiteTable table, CancellationToken cancellationToken)
    {
        var codes = table.Rows.Select(r => table.Field(r, "SiteCode")).ToList();
        var existing = await _db.Sites.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, cancellationToken);
        var problems = new List<FieldProblem>();
        var seen = new Dictionary<string, int>();
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        foreach (var row in table.Rows)
        {
            var code = table.Field(row, "SiteCode");
            var name = table.Field(row, "Name");
            var type = table.Field(row, "ServiceType");
            var manager = table.Has("RegisteredManager") ? table.Field(row, "RegisteredManager") : null;
            var reporting = table.Has("ReportingFrom") ? FormValues.Blank(table.Field(row, "ReportingFrom")) : null;
            var knownType = ServiceTypes.TryParse(type, out var serviceType);
            var knownMonth = PackPeriod.TryParse(reporting, out var reportingFrom);
            var problem = CqcLocationId.Problem(code)
                ?? (seen.TryGetValue(code, out var first) ? $"site {code} is also on line {first}" : null)
                ?? (existing.TryGetValue(code, out var other) && other.ProviderId != providerId ? $"site {code} is registered to another provider" : null)
                ?? (knownType ? null : $"\"{type}\" is not a service type; use {ServiceTypes.ValidList}")
                ?? (reporting is null || knownMonth ? null : $"ReportingFrom \"{reporting}\" is not a month; write it as year and month, such as {today:yyyy-MM}");
            seen.TryAdd(code, row.Line);
            if (problem is null)
            {
                try
                {
                    if (!existing.TryGetValue(code, out var site))
                    {
                        site = new Site(providerId, code, name, serviceType, today, manager);
                        _db.Sites.Add(site);
                    }

                    site.Describe(name, serviceType, manager);
                    if (reporting is not null)
                    {
                        site.ReportFrom(reportingFrom.FirstDay, today);
                    }
                }
                catch (DomainException refused)
                {
                    problem = char.ToLowerInvariant(refused.Message[0]) + refused.Message[1..].TrimEnd('.');
                }
            }

            if (problem is not null)
            {
                problems.Add(new FieldProblem("File", $"Line {row.Line}: {problem}."));
            }
        }

        return problems;
    }

    private static Outcome<SiteImportResult> Refused(string message) => Outcome<SiteImportResult>.Refused("File", message);
}

/// <summary>The provider a CSV import is for: an operator names it; a provider admin imports into their own.</summary>
internal static class ImportingProvider
{
    public static async Task<(Guid ProviderId, string? Problem)> ResolveAsync(VeriviusDbContext db, SiteAccess access, string? providerName, CancellationToken cancellationToken)
    {
        var scope = await access.ScopeAsync(cancellationToken);
        if (!scope.IsOperator)
        {
            return (await access.AdministeredProviderAsync(cancellationToken), null);
        }

        var name = providerName?.Trim();
        var found = await db.Providers.Where(p => p.Name == name).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        return found is { } id ? (id, null) : (Guid.Empty, $"There is no provider called \"{name}\".");
    }
}

/// <summary>A list of sites as a CSV file holds it: the header's columns by name and the non-empty lines after it.</summary>
internal sealed class SiteTable
{
    /// <summary>The columns a site list must have.</summary>
    public static readonly string[] SiteColumns = ["SiteCode", "Name", "ServiceType"];

    private readonly List<string> _header;

    private SiteTable(List<string> header, List<CsvRecord> rows)
    {
        _header = header;
        Rows = rows;
    }

    public List<CsvRecord> Rows { get; }

    /// <summary>The table, or why the file cannot be one: malformed, empty, too long or missing one of the <paramref name="required"/> columns.</summary>
    public static (SiteTable Table, string? Problem) Read(string csv, int maxRows, IReadOnlyList<string> required)
    {
        var header = string.Join(",", required);
        List<CsvRecord> records;
        try
        {
            records = CsvReader.Read(new StringReader(csv)).Take(maxRows + 2).ToList();
        }
        catch (FormatException malformed)
        {
            return (Empty, malformed.Message);
        }

        if (records.Count == 0)
        {
            return (Empty, $"The file is empty. The first line must be the header {header}.");
        }

        if (records.Count > maxRows + 1)
        {
            return (Empty, $"The file has more than {maxRows} sites; split it into smaller files.");
        }

        var table = new SiteTable(
            [.. records[0].Fields.Select(h => h.Replace(" ", "", StringComparison.Ordinal).Trim())],
            [.. records.Skip(1).Where(r => r.Fields.Any(f => f.Trim().Length > 0))]);
        var missing = required.Where(name => !table.Has(name)).ToList();
        return missing.Count > 0
            ? (Empty, $"Line 1: the header has no {string.Join(", ", missing)} column; it must be {header}.")
            : (table, null);
    }

    public bool Has(string column) => Column(column) >= 0;

    public string Field(CsvRecord row, string column) =>
        Column(column) is var at and >= 0 && at < row.Fields.Count ? row.Fields[at].Trim() : "";

    private static SiteTable Empty => new([], []);

    private int Column(string name) => _header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
}
