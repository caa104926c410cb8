namespace Verivius.Domain.Evidence;

/// <summary>Feedback received and, for "you said, we did", what was done about it.</summary>
public sealed class FeedbackItem : SiteRecord, IEvidence
{
    private FeedbackItem()
    {
    }

    public FeedbackItem(Guid siteId, FeedbackDetails details)
        : base(siteId, details.FeedbackRef) => Details = details;

    public FeedbackDetails Details { get; private set; } = null!;

    public override RecordKind Kind => RecordKind.Feedback;

    public EvidenceCategory Category => Details.From switch
    {
        FeedbackSource.Person or FeedbackSource.Family => EvidenceCategory.PeoplesExperience,
        FeedbackSource.Staff => EvidenceCategory.StaffAndLeaders,
        _ => EvidenceCategory.Partners,
    };

    public DateOnly EvidenceDate => Details.ReceivedOn;

    public void Record(FeedbackDetails details) => Details = details;
}

public sealed record FeedbackDetails(
    string FeedbackRef,
    DateOnly ReceivedOn,
    FeedbackSource From,
    Sentiment Sentiment,
    string Theme,
    string? YouSaid,
    string? WeDid,
    DateOnly? WeDidOn)
{
    public static FeedbackDetails Read(IRowCells r) => new(
        r.RequiredText("FeedbackRef"), r.RequiredDate("ReceivedOn"), r.RequiredChoice<FeedbackSource>("From"), r.RequiredChoice<Sentiment>("Sentiment"),
        r.RequiredText("Theme"), r.Text("YouSaid"), r.Text("WeDid"), r.Date("WeDidOn"));
}
