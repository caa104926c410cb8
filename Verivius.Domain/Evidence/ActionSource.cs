namespace Verivius.Domain.Evidence;

/// <summary>Where an action came from; all but Other name a record through the action's SourceRef.</summary>
public enum ActionSource
{
    Meeting,
    Incident,
    Complaint,
    Audit,
    Inspection,
    Recovery,
    Feedback,
    Other,
}

public static class ActionSources
{
    /// <summary>
    /// The kinds a SourceRef may name: a source of Meeting may name a decision or a meeting, every other
    /// source one kind, and Other is free text that names no record.
    /// </summary>
    public static RecordKind[] RecordKinds(this ActionSource source) => source switch
    {
        ActionSource.Meeting => [RecordKind.Decisions, RecordKind.Meetings],
        ActionSource.Incident => [RecordKind.Incidents],
        ActionSource.Complaint => [RecordKind.Complaints],
        ActionSource.Audit => [RecordKind.Audits],
        ActionSource.Inspection => [RecordKind.Inspection],
        ActionSource.Recovery => [RecordKind.Recovery],
        ActionSource.Feedback => [RecordKind.Feedback],
        _ => [],
    };
}
