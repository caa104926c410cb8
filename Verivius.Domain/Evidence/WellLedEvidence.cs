namespace Verivius.Domain.Evidence;

/// <summary>
/// The smallest honest measure of how far a site's own evidence backs a Well-led quality statement:
/// which record kinds speak to each statement, and how many of CQC's six evidence categories those
/// records covered in the last twelve months. It measures coverage, not a predicted rating; the
/// readiness view (and the framework held as data) will refine the mapping.
/// </summary>
public static class WellLedEvidence
{
    /// <summary>The eight Well-led quality statements and the record kinds that evidence each by default.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<RecordKind>> DefaultMapping { get; } =
        new Dictionary<string, IReadOnlySet<RecordKind>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Shared direction and culture"] = new HashSet<RecordKind> { RecordKind.Meetings, RecordKind.Decisions, RecordKind.Feedback },
            ["Capable, compassionate and inclusive leaders"] = new HashSet<RecordKind> { RecordKind.Supervision, RecordKind.Training, RecordKind.Meetings, RecordKind.Feedback },
            ["Freedom to speak up"] = new HashSet<RecordKind> { RecordKind.Feedback, RecordKind.Complaints, RecordKind.Incidents, RecordKind.Supervision },
            ["Workforce equality, diversity and inclusion"] = new HashSet<RecordKind> { RecordKind.Training, RecordKind.Supervision, RecordKind.Staffing, RecordKind.Feedback },
            ["Governance, management and sustainability"] = new HashSet<RecordKind>
            {
                RecordKind.Meetings, RecordKind.Decisions, RecordKind.Actions, RecordKind.Audits, RecordKind.Incidents, RecordKind.Staffing, RecordKind.Inspection, RecordKind.Training,
            },
            ["Partnerships and communities"] = new HashSet<RecordKind> { RecordKind.Feedback, RecordKind.Meetings },
            ["Learning, improvement and innovation"] = new HashSet<RecordKind> { RecordKind.Actions, RecordKind.Complaints, RecordKind.Incidents, RecordKind.Audits, RecordKind.Feedback },
            ["Environmental sustainability – sustainable development"] = new HashSet<RecordKind> { RecordKind.Audits, RecordKind.Attachment },
        };

    /// <summary>
    /// The rating the coverage can carry at most: no category is Inadequate, one Requires improvement,
    /// two or three Good, four or more Outstanding.
    /// </summary>
    public static QualityRating LevelOf(int categoriesCovered) => categoriesCovered switch
    {
        <= 0 => QualityRating.Inadequate,
        1 => QualityRating.RequiresImprovement,
        <= 3 => QualityRating.Good,
        _ => QualityRating.Outstanding,
    };

    /// <summary>How many levels <paramref name="claimed"/> sits above <paramref name="supported"/> (negative when below).</summary>
    public static int LevelsAhead(QualityRating claimed, QualityRating supported) => (int)supported - (int)claimed;
}
