namespace Verivius.Domain.Packs.Reading;

/// <summary>What each column of the format holds, for the template's formats and drop-downs.</summary>
public static class ColumnKinds
{
    private static readonly HashSet<string> YesNoColumns = ["CqcNotifiable", "CandourApplies", "ApologyGiven", "CarePlanUpdateRequired", "Mandatory"];

    private static readonly HashSet<string> NumberColumns =
        ["ScorePercent", "ShiftsPlanned", "ShiftsUnfilled", "AgencyHours", "TotalHours", "MissedCare", "LateCare", "Starters", "Leavers", "Vacancies"];

    /// <summary>The values a choice column takes, or null when the column is not a choice.</summary>
    public static IReadOnlyList<string>? ChoicesOf(string sheet, string column) =>
        PackFormat.Sheet(sheet).Choices.TryGetValue(column, out var type) ? Enum.GetNames(type) : null;

    public static bool IsDate(string column) => column.EndsWith("On", StringComparison.Ordinal) || column == "WeekStarting";

    public static bool IsYesNo(string column) => YesNoColumns.Contains(column);

    public static bool IsNumber(string column) => NumberColumns.Contains(column);
}
