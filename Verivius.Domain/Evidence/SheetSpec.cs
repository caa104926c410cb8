namespace Verivius.Domain.Evidence;

/// <summary>
/// A sheet of the monthly pack workbook: its name, its required and optional columns in template order,
/// and the enumeration each choice column takes its values from.
/// </summary>
public sealed record SheetSpec(string Name, IReadOnlyList<string> Required, IReadOnlyList<string> Optional)
{
    public IReadOnlyDictionary<string, Type> Choices { get; init; } = new Dictionary<string, Type>();

    public IEnumerable<string> Columns => Required.Concat(Optional);
}
