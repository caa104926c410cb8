namespace Verivius.Domain.Evidence;

/// <summary>A record as a list shows it: its reference, its date, what it is about and where it stands.</summary>
public sealed class RecordListRow
{
    public string Ref { get; init; } = "";

    public DateOnly? Date { get; init; }

    public string Summary { get; init; } = "";

    public string? Status { get; init; }
}
