using Verivius.Web.Common;

namespace Verivius.Web.Features.Records;

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

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
