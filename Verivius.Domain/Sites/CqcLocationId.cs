using System.Text.RegularExpressions;

namespace Verivius.Domain.Sites;

/// <summary>
/// The CQC location ID that identifies a registered service nationally, such as <c>1-123456789</c>.
/// Sites are addressed by it everywhere (URLs, workbooks, exports) because it is what providers,
/// commissioners and CQC already use.
/// </summary>
public static partial class CqcLocationId
{
    public const string Example = "1-123456789";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>Trims the value and checks its shape; returns the problem in plain words, or null.</summary>
    public static string? Problem(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "the CQC location ID is missing";
        }

        return IsValid(trimmed)
            ? null
            : $"\"{trimmed}\" is not a CQC location ID; it looks like {Example} (1, a hyphen, then 8 to 11 digits)";
    }

    [GeneratedRegex(@"^1-\d{8,11}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
