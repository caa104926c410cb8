namespace Verivius.Domain.Common;

/// <summary>
/// A value as a person reads it rather than as the code names it: <c>NoChange</c> is "No change",
/// <c>CareHome</c> "Care home", <c>CqcNotifiable</c> "CQC notifiable". Every page, document and
/// finding that shows a choice says it this way.
/// </summary>
public static class PlainWords
{
    /// <summary>A name as a label, its first word capitalised; text that is already words (it has a space) is left as it is.</summary>
    public static string Of(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains(' ', StringComparison.Ordinal))
        {
            return name;
        }

        var words = string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) && !char.IsUpper(name[i - 1]) ? " " + char.ToLowerInvariant(ch) : ch.ToString()));
        return words.Replace("Cqc", "CQC", StringComparison.Ordinal).Replace(" cqc", " CQC", StringComparison.Ordinal);
    }

    /// <summary>
    /// Text put together from several names ("PressureUlcer, Moderate", "ProviderOversight meeting"),
    /// each word as a label: "Pressure ulcer, Moderate", "Provider oversight meeting". Only for text the
    /// portal builds from choices: free text (a person's name such as McDonald) is never run through it.
    /// </summary>
    public static string OfEach(string text) => string.Join(' ', text.Split(' ').Select(Of));

    public static string Of<T>(T value)
        where T : struct, Enum => Of(value.ToString());

    /// <summary>A value inside a sentence, in lower case: <c>PressureUlcer</c> → "pressure ulcer".</summary>
    public static string InSentence<T>(T value)
        where T : struct, Enum => InSentence(value.ToString());

    /// <summary>A name inside a sentence, in lower case but for CQC: <c>CqcRatingPublishedOn</c> → "CQC rating published on".</summary>
    public static string InSentence(string name) => Of(name).ToLowerInvariant().Replace("cqc", "CQC", StringComparison.Ordinal);
}
