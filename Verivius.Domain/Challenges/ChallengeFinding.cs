using Verivius.Domain.Evidence;

namespace Verivius.Domain.Challenges;

/// <summary>
/// What a rule found at a site: the code, a key that names the occurrence (so that the same gap found
/// again is the same challenge), how much it matters, the records it is about and one sentence that
/// says it with the numbers and dates. <paramref name="Since"/> is when the condition first held (a
/// deadline plus its grace days, a record's own date), where the rule can tell; a challenge's age counts
/// from it, so imported history has true ages.
/// </summary>
public sealed record ChallengeFinding(string Code, string Key, ChallengeSeverity Severity, IReadOnlyList<SubjectRef> Subjects, string Finding, DateOnly? Since = null)
{
    public string Resolution => ChallengeCatalogue.Of(Code).Resolution;
}

/// <summary>A record a challenge is about, written as the pack writes references: <c>Actions:A-12</c>.</summary>
public readonly record struct SubjectRef(RecordKind Kind, string Ref)
{
    public override string ToString() => $"{Kind}:{Ref}";

    /// <summary>Reads the form <see cref="ToString"/> writes; anything else is null.</summary>
    public static SubjectRef? Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Enum.TryParse<RecordKind>(text[..colon], out var kind) && Enum.IsDefined(kind)
            ? new SubjectRef(kind, text[(colon + 1)..])
            : null;
    }

    /// <summary>Several subjects in one text column, one per line (references may hold any other character).</summary>
    public static string Join(IEnumerable<SubjectRef> subjects) => string.Join('\n', subjects);

    public static IReadOnlyList<SubjectRef> Split(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse).OfType<SubjectRef>()];
}
