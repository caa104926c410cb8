using Verivius.Domain.Common;

namespace Verivius.Domain.Evidence;

/// <summary>
/// One row of the training matrix as a pack sent it: the matrix is a snapshot of its month, so each
/// month's rows are kept whole and the newest month is the current matrix.
/// </summary>
public sealed class TrainingRecord : Entity, IEvidence, IMonthlySnapshot
{
    private TrainingRecord()
    {
    }

    public TrainingRecord(Guid siteId, DateOnly period, TrainingDetails details)
    {
        SiteId = siteId;
        Period = period;
        Details = details;
    }

    public Guid SiteId { get; private set; }

    /// <summary>The first day of the pack month the matrix is as of.</summary>
    public DateOnly Period { get; private set; }

    public TrainingDetails Details { get; private set; } = null!;

    public EvidenceCategory Category => EvidenceCategory.Processes;

    public DateOnly EvidenceDate => Details.CompletedOn ?? Period;
}

public sealed record TrainingDetails(
    string StaffRef,
    string Role,
    string Course,
    bool Mandatory,
    DateOnly? CompletedOn,
    DateOnly? ExpiresOn,
    DateOnly? PlannedOn)
{
    public static TrainingDetails Read(IRowCells r) => new(
        r.RequiredText("StaffRef"), r.RequiredText("Role"), r.RequiredText("Course"), r.RequiredYesNo("Mandatory"),
        r.Date("CompletedOn"), r.Date("ExpiresOn"), r.Date("PlannedOn"));
}
