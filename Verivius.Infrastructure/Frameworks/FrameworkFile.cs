using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Evidence;
using Verivius.Domain.Readiness;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Infrastructure.Frameworks;

/// <summary>
/// The assessment framework as a versioned JSON file (the one shipped is embedded): read, checked
/// and loaded into the database, where a newer version replaces the current one. Loading a version
/// already held changes nothing.
/// </summary>
public static class FrameworkFile
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Stream Shipped() =>
        typeof(FrameworkFile).Assembly.GetManifestResourceStream("cqc-well-led.json") ?? throw new InvalidOperationException("The shipped framework file is missing from the build.");

    /// <summary>Reads and checks a framework file; every problem is named in the exception's message.</summary>
    public static AssessmentFramework Read(Stream file)
    {
        FileModel? model;
        try
        {
            model = JsonSerializer.Deserialize<FileModel>(file, Json);
        }
        catch (JsonException invalid)
        {
            throw new InvalidDataException($"The framework file is not valid JSON: {invalid.Message}");
        }

        if (model is null)
        {
            throw new InvalidDataException("The framework file is empty.");
        }

        var problems = new List<string>();
        var categories = model.EvidenceCategories ?? [];
        foreach (var unknown in categories.Where(c => !Enum.TryParse<EvidenceCategory>(c.Code, out _)))
        {
            problems.Add($"evidence category \"{unknown.Code}\" is not one Verivius knows ({string.Join(", ", Enum.GetNames<EvidenceCategory>())})");
        }

        foreach (var statement in model.QualityStatements ?? [])
        {
            foreach (var kind in (statement.RecordKinds ?? []).Where(k => RecordCatalogue.Named(k) is null))
            {
                problems.Add($"quality statement {statement.Code} names \"{kind}\", which is not a kind of record ({string.Join(", ", RecordCatalogue.All.Select(e => e.Kind))})");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException("The framework file has problems: " + string.Join("; ", problems) + ".");
        }

        var items = (model.QualityStatements ?? []).Select((s, i) => new FrameworkItem(FrameworkItemKind.QualityStatement, s.Code, s.Title, s.WeStatement, i, (s.RecordKinds ?? []).Select(k => RecordCatalogue.Named(k)!.Kind)))
            .Concat(categories.Select((c, i) => new FrameworkItem(FrameworkItemKind.EvidenceCategory, c.Code, c.Title, null, i)))
            .Concat((model.LinesOfEnquiry ?? []).Select((l, i) => new FrameworkItem(FrameworkItemKind.LineOfEnquiry, l.Code, l.Title, null, i)));
        try
        {
            return new AssessmentFramework(model.Version ?? "", model.Name ?? "", model.KeyQuestion ?? "Well-led", model.Note, items);
        }
        catch (Domain.Common.DomainException refused)
        {
            throw new InvalidDataException("The framework file has problems: " + refused.Message);
        }
    }

    /// <summary>Loads the file's version and makes it current, unless that version is already held; says which.</summary>
    public static async Task<bool> LoadAsync(VeriviusDbContext db, Stream file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var framework = Read(file);
        if (await db.Frameworks.AnyAsync(f => f.Version == framework.Version, cancellationToken))
        {
            return false;
        }

        foreach (var current in await db.Frameworks.Where(f => f.IsCurrent).ToListAsync(cancellationToken))
        {
            current.Supersede();
        }

        framework.MakeCurrent();
        db.Frameworks.Add(framework);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private sealed record FileModel(string? Version, string? Name, string? KeyQuestion, string? Note, List<CategoryModel>? EvidenceCategories, List<StatementModel>? QualityStatements, List<CategoryModel>? LinesOfEnquiry);

    private sealed record CategoryModel(string Code, string Title);

    private sealed record StatementModel(string Code, string Title, string? WeStatement, List<string>? RecordKinds);
}
