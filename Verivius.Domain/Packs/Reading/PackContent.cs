using Verivius.Domain.Evidence;

namespace Verivius.Domain.Packs.Reading;

/// <summary>Everything a valid workbook says, typed, with each row's place kept for later checks.</summary>
public sealed class PackContent
{
    public required string SiteCode { get; init; }

    public required PackPeriod Period { get; init; }

    public required string PreparedBy { get; init; }

    public DateOnly? PreparedOn { get; init; }

    public IReadOnlyList<Parsed<ActionDetails>> Actions { get; init; } = [];

    public IReadOnlyList<Parsed<MeetingDetails>> Meetings { get; init; } = [];

    public IReadOnlyList<Parsed<DecisionDetails>> Decisions { get; init; } = [];

    public IReadOnlyList<Parsed<IncidentDetails>> Incidents { get; init; } = [];

    public IReadOnlyList<Parsed<ComplaintDetails>> Complaints { get; init; } = [];

    /// <summary>One row per theme, as the sheet has them; rows of one audit share its details.</summary>
    public IReadOnlyList<Parsed<AuditRow>> Audits { get; init; } = [];

    public IReadOnlyList<Parsed<StaffingDetails>> Staffing { get; init; } = [];

    /// <summary>The whole matrix as of the pack month; null when the workbook had no Training sheet.</summary>
    public IReadOnlyList<Parsed<TrainingDetails>>? Training { get; init; }

    /// <summary>The whole supervision record as of the pack month; null when the workbook had no Supervision sheet.</summary>
    public IReadOnlyList<Parsed<SupervisionDetails>>? Supervision { get; init; }

    public IReadOnlyList<Parsed<FeedbackDetails>> Feedback { get; init; } = [];

    public IReadOnlyList<Parsed<FindingDetails>> Inspection { get; init; } = [];

    public IReadOnlyList<Parsed<AssuranceDetails>> Assurance { get; init; } = [];

    public IReadOnlyList<Parsed<RecoveryDetails>> Recovery { get; init; } = [];

    public IReadOnlyList<Parsed<SelfAssessmentDetails>> SelfAssessment { get; init; } = [];

    /// <summary>Data rows read per sheet present in the workbook.</summary>
    public required IReadOnlyDictionary<string, int> RowCounts { get; init; }
}

/// <summary>One row of the Audits sheet: the audit it belongs to and the theme it reports.</summary>
public sealed record AuditRow(AuditDetails Audit, AuditThemeDetails Theme);

/// <summary>What reading a workbook found: its content if there was no error, and every error and warning.</summary>
public sealed record PackReadResult(PackContent? Content, IReadOnlyList<PackIssue> Errors, IReadOnlyList<PackIssue> Warnings)
{
    public bool Succeeded => Errors.Count == 0 && Content is not null;
}
