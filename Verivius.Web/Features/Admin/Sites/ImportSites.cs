using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Admin.Sites;

/// <summary>
/// Adds sites from CSV (<c>SiteCode,Name,ServiceType</c>, optionally <c>RegisteredManager</c>), or updates
/// the provider's own sites with the same code. All or nothing: any bad line and no site is touched.
/// </summary>
public sealed record ImportSitesCommand(string Csv, string? ProviderName = null) : ICommand<Outcome<SiteImportResult>>;

public sealed record SiteImportResult(int Added, int Updated);

internal sealed class ImportSitesHandler : ICommandHandler<ImportSitesCommand, Outcome<SiteImportResult>>
{
    public const int MaxRows = 5000;
    private static readonly string[] Required = ["SiteCode", "Name", "ServiceType"];

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;

    public ImportSitesHandler(VeriviusDbContext db, SiteAccess access)
    {
        _db = db;
        _access = access;
    }

    public async ValueTask<Outcome<SiteImportResult>> Handle(ImportSitesCommand command, CancellationToken cancellationToken)
    {
        var scope = await _access.ScopeAsync(cancellationToken);
        Guid providerId;
        if (scope.IsOperator)
        {
            var name = command.ProviderName?.Trim();
            var found = await _db.Providers.Where(p => p.Name == name).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return Refused($"There is no provider called \"{name}\".");
            }

            providerId = found.Value;
        }
        else
        {
            providerId = await _access.AdministeredProviderAsync(cancellationToken);
        }

        List<CsvRecord> records;
        try
        {
            records = CsvReader.Read(new StringReader(command.Csv)).Take(MaxRows + 2).ToList();
        }
        catch (FormatException malformed)
        {
            return Refused(malformed.Message);
        }

        if (records.Count == 0)
        {
            return Refused("The file is empty. The first line must be the header SiteCode,Name,ServiceType.");
        }

        if (records.Count > MaxRows + 1)
        {
            return Refused($"The file has more than {MaxRows} sites; split it into smaller files.");
        }

        var header = records[0].Fields.Select(h => h.Replace(" ", "", StringComparison.Ordinal).Trim()).ToList();
        int Column(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var missing = Required.Where(name => Column(name) < 0).ToList();
        if (missing.Count > 0)
        {
            return Refused($"Line 1: the header has no {string.Join(", ", missing)} column; it must be SiteCode,Name,ServiceType.");
        }

        var rows = records.Skip(1).Where(r => r.Fields.Any(f => f.Trim().Length > 0)).ToList();
        var codes = rows.Select(r => Field(r, Column("SiteCode"))).ToList();
        var existing = await _db.Sites.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, cancellationToken);
        var problems = new List<FieldProblem>();
        var seen = new Dictionary<string, int>();
        var added = 0;
        foreach (var row in rows)
        {
            var code = Field(row, Column("SiteCode"));
            var name = Field(row, Column("Name"));
            var type = Field(row, Column("ServiceType"));
            var manager = Column("RegisteredManager") is var m and >= 0 ? Field(row, m) : null;
            var knownType = ServiceTypes.TryParse(type, out var serviceType);
            var problem = CqcLocationId.Problem(code)
                ?? (seen.TryGetValue(code, out var first) ? $"site {code} is also on line {first}" : null)
                ?? (existing.TryGetValue(code, out var other) && other.ProviderId != providerId ? $"site {code} is registered to another provider" : null)
                ?? (knownType ? null : $"\"{type}\" is not a service type; use {ServiceTypes.ValidList}");
            seen.TryAdd(code, row.Line);
            if (problem is null)
            {
                try
                {
                    if (existing.TryGetValue(code, out var site))
                    {
                        site.Describe(name, serviceType, manager);
                    }
                    else
                    {
                        _db.Sites.Add(new Site(providerId, code, name, serviceType, manager));
                        added++;
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

        if (problems.Count > 0)
        {
            // Nothing tracked here is saved: the scope ends with its changes discarded.
            _db.ChangeTracker.Clear();
            return Outcome<SiteImportResult>.Refused(problems);
        }

        if (rows.Count == 0)
        {
            return Refused("The file has a header but no sites.");
        }

        await _db.SaveChangesAsync(cancellationToken);
        return Outcome<SiteImportResult>.Of(new SiteImportResult(added, rows.Count - added));
    }

    private static string Field(CsvRecord record, int column) =>
        column < record.Fields.Count ? record.Fields[column].Trim() : "";

    private static Outcome<SiteImportResult> Refused(string message) => Outcome<SiteImportResult>.Refused("File", message);
}
