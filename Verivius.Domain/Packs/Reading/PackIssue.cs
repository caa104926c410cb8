namespace Verivius.Domain.Packs.Reading;

/// <summary>A problem with a workbook, placed as <c>Sheet!Cell</c> (or just the sheet) and said in plain English.</summary>
public sealed record PackIssue(string Sheet, string? Cell, string Message)
{
    public override string ToString() => Cell is null ? $"{Sheet}: {Message}" : $"{Sheet}!{Cell}: {Message}";
}
