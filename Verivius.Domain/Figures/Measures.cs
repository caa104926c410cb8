namespace Verivius.Domain.Figures;

/// <summary>A figure the portal shows, named once and explained once, so every page and document says the same of it.</summary>
public sealed record Measure(string Title, string Explanation);

/// <summary>
/// Every figure a view, chart or document shows of a site or a provider, each defined here once: what
/// is counted (the part), out of what (the whole), and as at when. Pages and documents take the title
/// and the explanation from here, and the figures from one computation per site and month, so a measure
/// never shows two values.
/// </summary>
public static class Measures
{
    public static Measure NotifiedOnTime { get; } = new(
        "CQC notifications on time",
        "notifiable incidents in the twelve months to the day whose notification to CQC was neither late nor missing, as the challenge engine judged them at its last run");

    public static Measure CandourOnTime { get; } = new(
        "Duty of candour on time",
        "incidents in the twelve months to the day where the duty of candour applies whose written follow-up was not late, as the challenge engine judged them at its last run");

    public static Measure UnfilledShifts { get; } = new(
        "Unfilled shifts",
        "shifts planned but not filled, as a share of the shifts planned, in the staffing weeks starting in the month");

    public static Measure AgencyShare { get; } = new(
        "Agency share of hours",
        "hours worked by agency staff, as a share of all hours worked, in the staffing weeks starting in the month");

    public static Measure ActionsClosedOnTime { get; } = new(
        "Actions closed on time",
        "of the improvement actions due in the month, those closed by their due date");

    public static Measure OverdueActions { get; } = new(
        "Overdue actions",
        "improvement actions past their due date and not closed on the day");

    public static Measure PacksReceived { get; } = new(
        "Monthly packs received",
        "of the twelve months before this one that the site owes a pack for (from its reporting month on), those whose pack has arrived");

    public static Measure OpenChallenges { get; } = new(
        "Open challenges (High)",
        "challenges open, answered or escalated today — not yet accepted or cleared — and, in brackets, how many of them are High");

    /// <summary>The measures of one month in the order pages and documents list them, training and supervision as <see cref="WorkforceMeasures"/> defines them.</summary>
    public static IReadOnlyList<Measure> OfTheMonth(int supervisionDays) =>
    [
        WorkforceMeasures.TrainingInDate, WorkforceMeasures.SupervisedOnTime(supervisionDays), UnfilledShifts, AgencyShare, ActionsClosedOnTime,
        NotifiedOnTime, CandourOnTime, OverdueActions, OpenChallenges, PacksReceived,
    ];
}
