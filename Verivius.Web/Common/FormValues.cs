using Verivius.Domain.Evidence;
using Verivius.Domain.Packs.Reading;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Common;

/// <summary>Reading the values of record forms, with the problems said per field.</summary>
internal static class FormValues
{
    public static T Choice<T>(string? text, string field, List<FieldProblem> problems)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        problems.Add(new FieldProblem(field, $"Choose one of {string.Join(", ", Enum.GetNames<T>())}."));
        return default;
    }

    public static T? OptionalChoice<T>(string? text, string field, List<FieldProblem> problems)
        where T : struct, Enum => string.IsNullOrWhiteSpace(text) ? null : Choice<T>(text, field, problems);

    /// <summary>
    /// A new record's reference must be free at the site; a changed record must exist (else not found).
    /// </summary>
    public static void CheckReference(SiteRecord? existing, bool isNew, string reference, string field, string noun, List<FieldProblem> problems)
    {
        if (isNew && existing is not null)
        {
            problems.Add(new FieldProblem(field, $"This site already has {noun} {reference.Trim()}; choose another reference."));
        }
        else if (!isNew && existing is null)
        {
            throw new NotFoundException($"No {noun} {reference} at this site.");
        }
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A form's evidence references resolved to records of the site; each that names nothing is a problem on the field.</summary>
    public static List<(RecordLink Link, string WrittenAs)> Evidence(RecordIndex index, string? text, string field, List<FieldProblem> problems) =>
        [.. CitedRecords(index, text, field, problems).Select(e => (e.Link, e.Reference.WrittenAs))];

    /// <summary>As <see cref="Evidence"/>, keeping each reference as read (its kind and reference), for answers that cite records by name.</summary>
    public static List<(RecordLink Link, EvidenceReference Reference)> CitedRecords(RecordIndex index, string? text, string field, List<FieldProblem> problems)
    {
        var (references, syntax) = EvidenceReference.ParseList(text);
        problems.AddRange(syntax.Select(problem => new FieldProblem(field, char.ToUpperInvariant(problem[0]) + problem[1..] + ".")));
        var evidence = new List<(RecordLink, EvidenceReference)>();
        foreach (var reference in references)
        {
            // Kept as the site wrote the record's reference, so links and the history name it rightly.
            if (index.Lookup(reference.Kind, reference.Ref) is { } found)
            {
                evidence.Add((new RecordLink(reference.Kind, found.Id), reference with { Ref = found.Ref }));
            }
            else
            {
                problems.Add(new FieldProblem(field, $"\"{reference.WrittenAs}\" names no record or attachment of this site."));
            }
        }

        return evidence;
    }
}
