namespace Verivius.Domain.Figures;

/// <summary>
/// One site's counted figures for one month, as <see cref="Measures"/> and <see cref="WorkforceMeasures"/>
/// define them: kept beside the records and recounted, in the same transaction, whenever a record of
/// the site's month changes, so that a view of five years reads sixty rows a site rather than five
/// years of records. Training and supervision are judged at the month's end on the record that stands
/// for it; supervision against the provider's interval, so a change of interval recounts the provider.
/// Timeliness of notifications and candour is the challenge engine's judgement, so its findings recount their incident's month.
/// </summary>
public sealed class SiteMonthFigures
{
    public Guid SiteId { get; init; }

    /// <summary>The first day of the month counted.</summary>
    public DateOnly Month { get; init; }

    /// <summary>Incidents that occurred in the month.</summary>
    public int Incidents { get; init; }

    /// <summary>
    /// Of the month's incidents, those notifiable to CQC and those whose notification the challenge engine
    /// last judged late or missing; those under the duty of candour and those whose follow-up it judged late.
    /// Recounted when the engine's judgement changes, as well as the incidents.
    /// </summary>
    public int Notifiable { get; init; }

    public int NotifiedLate { get; init; }

    public int CandourIncidents { get; init; }

    public int CandourLate { get; init; }

    /// <summary>Actions due in the month, and those closed by their due date.</summary>
    public int ActionsDue { get; init; }

    public int ActionsClosedOnTime { get; init; }

    /// <summary>Shifts planned and unfilled in the weeks starting in the month.</summary>
    public int ShiftsPlanned { get; init; }

    public int ShiftsUnfilled { get; init; }

    /// <summary>Hours worked, and of them agency hours, in the weeks starting in the month.</summary>
    public double HoursWorked { get; init; }

    public double AgencyHours { get; init; }

    /// <summary>Staff on the training matrix standing for the month and those with all mandatory training in date at its end; null when no matrix stands.</summary>
    public int? TrainingStaff { get; init; }

    public int? TrainingInDate { get; init; }

    /// <summary>Staff on the supervision record standing for the month and those supervised on time at its end; null when no record stands.</summary>
    public int? SupervisionStaff { get; init; }

    public int? SupervisedOnTime { get; init; }

    /// <summary>Whether the month has nothing counted: such months are not kept.</summary>
    public bool IsEmpty =>
        Incidents == 0 && ActionsDue == 0 && ShiftsPlanned == 0 && ShiftsUnfilled == 0 && HoursWorked == 0 && AgencyHours == 0
        && TrainingStaff is null && SupervisionStaff is null;
}
