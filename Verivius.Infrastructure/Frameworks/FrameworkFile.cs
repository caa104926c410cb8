using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Infrastructure.Frameworks;

/// <summary>A framework file as read and checked: the version, whether it comes in as the current one or as a draft, and its crosswalk from an earlier version.</summary>
public sealed record FrameworkFileContent(AssessmentFramework Framework, bool ComesInCurrent, string? CrosswalkFrom, IReadOnlyList<FrameworkCrosswalkLink> Crosswalk);

/// <summary>
/// The assessment framework as a versioned JSON file (the ones shipped are embedded): read, checked and
/// loaded into the database. A version marked current replaces the current one; a draft is held beside
/// it for providers preparing for it. Loading a version already held changes nothing. Two shapes load:
/// quality statements with evidence categories (December 2024), and key questions with key lines of
/// enquiry, scope topics and rating characteristics (the 2026 draft).
/// </summary>
public static class FrameworkFile
{
    private static readonly string[] ShippedFiles = ["cqc-well-led.json", "cqc-asc-2026-draft.json"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The files shipped with Verivius, oldest first: the December 2024 framework, then CQC's 2026 adult social care draft.</summary>
    public static IEnumerable<Stream> Shipped() => ShippedFiles.Select(name =>
        typeof(FrameworkFile).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The shipped framework file {name} is missing from the build."));

    /// <summary>Reads and checks a framework file; every problem is named in the exception's message.</summary>
    public static FrameworkFileContent Read(Stream file)
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
            problems.AddRange(UnknownKinds($"quality statement {statement.Code}", statement.RecordKinds));
        }

        var linesOfEnquiry = (model.KeyQuestions ?? []).SelectMany(q => (q.LinesOfEnquiry ?? []).Select(l => (KeyQuestion: q.Name ?? "", Line: l))).ToList();
        foreach (var (keyQuestion, line) in linesOfEnquiry)
        {
            if (string.IsNullOrWhiteSpace(keyQuestion))
            {
                problems.Add($"key line of enquiry {line.Code} sits under a key question with no name");
            }

            problems.AddRange(UnknownKinds($"key line of enquiry {line.Code}", line.RecordKinds));
            var known = ChallengeCatalogue.Rules.Select(r => r.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            problems.AddRange((line.ChallengeCodes ?? []).Where(c => !known.Contains(c)).Select(c => $"key line of enquiry {line.Code} names challenge code \"{c}\", which is not one of challenge-rules.md"));
        }

        var status = (model.Status ?? "current").Trim().ToLowerInvariant();
        if (status is not ("current" or "draft"))
        {
            problems.Add($"status \"{model.Status}\" is neither \"current\" nor \"draft\"");
        }

        var judgedCodes = (model.QualityStatements ?? []).Select(s => s.Code).Concat(linesOfEnquiry.Select(l => l.Line.Code)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var crosswalk = model.Crosswalk;
        foreach (var link in crosswalk?.Links ?? [])
        {
            if (link.To is { } to && !judgedCodes.Contains(to))
            {
                problems.Add($"the crosswalk sends {link.From} to {to}, which is not an item of this version");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException("The framework file has problems: " + string.Join("; ", problems) + ".");
        }

        var items = (model.QualityStatements ?? []).Select((s, i) => new FrameworkItem(FrameworkItemKind.QualityStatement, s.Code, s.Title, s.WeStatement, i, KindsNamed(s.RecordKinds)))
            .Concat(categories.Select((c, i) => new FrameworkItem(FrameworkItemKind.EvidenceCategory, c.Code, c.Title, null, i)))
            .Concat((model.LinesOfEnquiry ?? []).Select((l, i) => new FrameworkItem(FrameworkItemKind.LineOfEnquiry, l.Code, l.Title, null, i)))
            .Concat(linesOfEnquiry.Select((l, i) => new FrameworkItem(
                l.KeyQuestion, l.Line.Code, l.Line.Title, i, l.Line.ScopeTopics ?? [],
                l.Line.Characteristics is { } c ? new RatingCharacteristics(c.Outstanding, c.Good, c.RequiresImprovement, c.Inadequate) : RatingCharacteristics.None,
                KindsNamed(l.Line.RecordKinds), l.Line.ChallengeCodes ?? [])));
        AssessmentFramework framework;
        try
        {
            framework = new AssessmentFramework(model.Version ?? "", model.Name ?? "", model.KeyQuestion ?? "Well-led", model.Note, items);
        }
        catch (Domain.Common.DomainException refused)
        {
            throw new InvalidDataException("The framework file has problems: " + refused.Message);
        }

        var links = crosswalk is null ? [] : crosswalk.Links?.Select(l => new FrameworkCrosswalkLink(crosswalk.From ?? "", l.From, framework.Version, l.To, l.Note)).ToList() ?? [];
        return new FrameworkFileContent(framework, status == "current", crosswalk?.From, links);
    }

    /// <summary>
    /// Loads the file's version, unless that version is already held; says which. A current version
    /// retires the one it replaces; a draft is held beside it. A crosswalk must place every item of the
    /// earlier version it maps from, when that version is held.
    /// </summary>
    public static async Task<bool> LoadAsync(VeriviusDbContext db, Stream file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var content = Read(file);
        var framework = content.Framework;
        if (await db.Frameworks.AnyAsync(f => f.Version == framework.Version, cancellationToken))
        {
            return false;
        }

        if (content.CrosswalkFrom is { } from && await db.Frameworks.AsNoTracking().Include(f => f.Items).SingleOrDefaultAsync(f => f.Version == from, cancellationToken) is { } earlier)
        {
            var placed = content.Crosswalk.Select(l => l.FromCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var problems = earlier.Judged.Where(i => !placed.Contains(i.Code)).Select(i => $"the crosswalk does not say where {i.Code} ({i.Title}) of version {from} goes")
                .Concat(placed.Where(code => earlier.JudgedItemNamed(code) is null).Select(code => $"the crosswalk maps {code}, which version {from} does not have"))
                .ToList();
            if (problems.Count > 0)
            {
                throw new InvalidDataException("The framework file has problems: " + string.Join("; ", problems) + ".");
            }
        }

        if (content.ComesInCurrent)
        {
            await RetireCurrentAsync(db, cancellationToken);
            framework.MakeCurrent();
        }

        db.Frameworks.Add(framework);
        db.FrameworkCrosswalk.AddRange(content.Crosswalk);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Makes a held version the current one, retiring the one it replaces; says why not when it cannot.</summary>
    public static async Task<string?> MakeCurrentAsync(VeriviusDbContext db, string version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chosen = await db.Frameworks.SingleOrDefaultAsync(f => f.Version == version, cancellationToken);
        if (chosen is null)
        {
            return $"No framework version {version} is held; load its file first.";
        }

        if (chosen.IsCurrent)
        {
            return null;
        }

        await RetireCurrentAsync(db, cancellationToken);
        chosen.MakeCurrent();
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static async Task RetireCurrentAsync(VeriviusDbContext db, CancellationToken cancellationToken)
    {
        foreach (var current in await db.Frameworks.Where(f => f.Status == FrameworkStatus.Current).ToListAsync(cancellationToken))
        {
            current.Retire();
        }
    }

    private static IEnumerable<string> UnknownKinds(string item, List<string>? kinds) =>
        (kinds ?? []).Where(k => RecordCatalogue.Named(k) is null).Select(k => $"{item} names \"{k}\", which is not a kind of record ({string.Join(", ", RecordCatalogue.All.Select(e => e.Kind))})");

    private static IEnumerable<RecordKind> KindsNamed(List<string>? kinds) => (kinds ?? []).Select(k => RecordCatalogue.Named(k)!.Kind);

    private sealed record FileModel(
        string? Version, string? Name, string? KeyQuestion, string? Status, string? Note,
        List<CategoryModel>? EvidenceCategories, List<StatementModel>? QualityStatements, List<CategoryModel>? LinesOfEnquiry,
        List<KeyQuestionModel>? KeyQuestions, CrosswalkModel? Crosswalk);

    private sealed record CategoryModel(string Code, string Title);

    private sealed record StatementModel(string Code, string Title, string? WeStatement, List<string>? RecordKinds);

    private sealed record KeyQuestionModel(string? Name, List<LineOfEnquiryModel>? LinesOfEnquiry);

    private sealed record LineOfEnquiryModel(string Code, string Title, List<string>? ScopeTopics, CharacteristicsModel? Characteristics, List<string>? RecordKinds, List<string>? ChallengeCodes);

    private sealed record CharacteristicsModel(string? Outstanding, string? Good, string? RequiresImprovement, string? Inadequate);

    private sealed record CrosswalkModel(string? From, List<LinkModel>? Links);

    private sealed record LinkModel(string From, string? To, string? Note);
}
