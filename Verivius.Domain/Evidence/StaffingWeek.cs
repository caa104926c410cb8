namespace Verivius.Domain.Evidence;

/// <summary>A week's (or a month's) staffing figures, named by the date the period starts.</summary>
public sealed class StaffingWeek : SiteRecord, IEvidence
{
    private StaffingWeek()
    {
    }

    public StaffingWeek(Guid siteId, StaffingDetails details)
        : base(siteId, RefOf(details.WeekStarting)) => Details = details;

    public StaffingDetails Details { get; private set; } = null!;

    public override RecordKind Kind => RecordKind.Staffing;

    public EvidenceCategory Category => EvidenceCategory.Processes;

    public DateOnly EvidenceDate => Details.WeekStarting;

    /// <summary>Staffing rows are referred to by their start date, as <c>Staffing:2026-10-05</c>.</summary>
    public static string RefOf(DateOnly weekStarting) => weekStarting.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the week counts for <paramref name="month"/>'s staffing figures: it does when it starts in it, so every week counts once.</summary>
    public bool CountsFor(DateOnly month) => Details.WeekStarting.Year == month.Year && Details.WeekStarting.Month == month.Month;

    public void Record(StaffingDetails details) => Details = details;
}

public sealed record StaffingDetails(
    DateOnly WeekStarting,
    int ShiftsPlanned,
    int ShiftsUnfilled,
    double AgencyHours,
    double TotalHours,
    int? MissedCare,
    int? LateCare,
    int? Starters,
    int? Leavers,
    int? Vacancies)
{
    /// <summary>Reads a Staffing row; a week cannot leave more shifts unfilled than it planned.</summary>
    public static StaffingDetails Read(IRowCells r)
    {
        var planned = r.RequiredCount("ShiftsPlanned");
        var unfilled = r.RequiredCount("ShiftsUnfilled");
        var details = new StaffingDetails(
            r.RequiredDate("WeekStarting"), planned, unfilled, r.Number("AgencyHours", required: true) ?? 0, r.Number("TotalHours", required: true) ?? 0,
            r.Count("MissedCare"), r.Count("LateCare"), r.Count("Starters"), r.Count("Leavers"), r.Count("Vacancies"));
        if (unfilled > planned && !r.Failed)
        {
            r.Problem("ShiftsUnfilled", $"{unfilled} shifts unfilled is more than the {planned} planned");
        }

        return details;
    }
}
