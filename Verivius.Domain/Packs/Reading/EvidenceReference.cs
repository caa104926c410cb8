using Verivius.Domain.Evidence;

namespace Verivius.Domain.Packs.Reading;

/// <summary>
/// One reference to evidence as a workbook writes it: <c>Sheet:Ref</c> for a row of another sheet
/// (<c>Audits:AUD-12</c>, <c>Staffing:2026-10-05</c>) or an attachment's file name.
/// </summary>
public sealed record EvidenceReference(RecordKind Kind, string Ref, string WrittenAs)
{
    public static string ReferableSheets { get; } = RowReader.OneOf(RecordCatalogue.Citable.Select(k => k + ":").ToList());

    /// <summary>Splits a <c>;</c>-separated list; a token naming no referable sheet becomes a problem.</summary>
    public static (List<EvidenceReference> References, List<string> Problems) ParseList(string? text)
    {
        var references = new List<EvidenceReference>();
        var problems = new List<string>();
        foreach (var token in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Parse(token) is { } reference)
            {
                references.Add(reference);
            }
            else
            {
                problems.Add($"\"{token}\" names no sheet that evidence can come from; use {ReferableSheets} then a reference, or an attachment's file name");
            }
        }

        return (references, problems);
    }

    public static EvidenceReference? Parse(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new EvidenceReference(RecordKind.Attachment, token.Trim(), token.Trim());
        }

        var sheet = token[..colon].Trim();
        var reference = token[(colon + 1)..].Trim();
        var kind = RecordCatalogue.Citable.FirstOrDefault(k => string.Equals(k.ToString(), sheet, StringComparison.OrdinalIgnoreCase), RecordKind.Attachment);
        return kind == RecordKind.Attachment || reference.Length == 0 ? null : new EvidenceReference(kind, reference, token.Trim());
    }
}
