namespace Verivius.Domain.Evidence;

/// <summary>A minuted meeting: governance, quality, staff, residents' or provider oversight.</summary>
public sealed class GovernanceMeeting : SiteRecord, IEvidence
{
    private GovernanceMeeting()
    {
    }

    public GovernanceMeeting(Guid siteId, MeetingDetails details)
        : base(siteId, details.MeetingRef) => Details = details;

    /// <summary>The kinds of meeting that oversee the service, whose minutes and intervals the evidence-trail rules judge.</summary>
    public static IReadOnlyList<MeetingType> OversightTypes { get; } = [MeetingType.Governance, MeetingType.Quality, MeetingType.ProviderOversight];

    public MeetingDetails Details { get; private set; } = null!;

    /// <summary>The attachment holding the minutes.</summary>
    public Guid? MinutesAttachmentId { get; private set; }

    public override RecordKind Kind => RecordKind.Meetings;

    public EvidenceCategory Category => Details.Type == MeetingType.Staff ? EvidenceCategory.StaffAndLeaders : EvidenceCategory.Processes;

    public DateOnly EvidenceDate => Details.HeldOn;

    public void Record(MeetingDetails details, Guid? minutesAttachmentId)
    {
        Details = details;
        MinutesAttachmentId = minutesAttachmentId;
    }
}

public sealed record MeetingDetails(string MeetingRef, DateOnly HeldOn, MeetingType Type, string? Chair, string? Attendees, string? MinutesRef)
{
    public static MeetingDetails Read(IRowCells r) => new(
        r.RequiredText("MeetingRef"), r.RequiredDate("HeldOn"), r.RequiredChoice<MeetingType>("Type"), r.Text("Chair"), r.Text("Attendees"), r.Text("MinutesRef"));
}
