using Verivius.Domain.Common;

namespace Verivius.Domain.Oversight;

/// <summary>
/// A provider oversight meeting: where the nominated individual's decisions on challenges are minuted.
/// Each decision goes into the minutes of the next meeting on or after the day it was made.
/// </summary>
public sealed class OversightMeeting : Entity
{
    public const int MaxTitleLength = 200;
    public const int MaxRecordLength = 4000;

    private OversightMeeting()
    {
    }

    public OversightMeeting(Guid providerId, DateOnly heldOn, string title)
    {
        ProviderId = providerId;
        HeldOn = heldOn;
        var trimmed = title?.Trim() ?? "";
        Title = trimmed.Length switch
        {
            0 => "Provider oversight meeting",
            > MaxTitleLength => throw new DomainException($"A meeting title can be at most {MaxTitleLength} characters."),
            _ => trimmed,
        };
    }

    public Guid ProviderId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Who attended, one per line, with their role.</summary>
    public string Attendees { get; private set; } = "";

    public string Apologies { get; private set; } = "";

    /// <summary>The actions the meeting agreed beyond its decisions on challenges, one per line.</summary>
    public string ActionsAgreed { get; private set; } = "";

    public string OtherBusiness { get; private set; } = "";

    /// <summary>What the minutes say besides the decisions: who was there, who sent apologies, what was agreed and any other business.</summary>
    public void Record(string? attendees, string? apologies, string? actionsAgreed, string? otherBusiness)
    {
        string Checked(string? text, string what)
        {
            var trimmed = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
            return trimmed.Length <= MaxRecordLength ? trimmed : throw new DomainException($"{what} can be at most {MaxRecordLength:N0} characters.");
        }

        Attendees = Checked(attendees, "The attendees");
        Apologies = Checked(apologies, "The apologies");
        ActionsAgreed = Checked(actionsAgreed, "The actions agreed");
        OtherBusiness = Checked(otherBusiness, "Any other business");
    }
}

/// <summary>One decision of the nominated individual on a challenge, dated, as the oversight minutes list it.</summary>
public sealed class OversightMinute : Entity
{
    private OversightMinute()
    {
    }

    public OversightMinute(Guid providerId, Guid challengeId, Guid siteId, DateOnly decidedOn, string decision)
    {
        ProviderId = providerId;
        ChallengeId = challengeId;
        SiteId = siteId;
        DecidedOn = decidedOn;
        Decision = decision;
    }

    public Guid ProviderId { get; private set; }

    /// <summary>The meeting whose minutes carry the decision; null until the next meeting is scheduled.</summary>
    public Guid? MeetingId { get; private set; }

    public Guid ChallengeId { get; private set; }

    public Guid SiteId { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string Decision { get; private set; } = "";

    /// <summary>The challenge decided on was folded into another (catalogue v2's roll-up): the minute follows it.</summary>
    public void Regarding(Guid challengeId) => ChallengeId = challengeId;

    /// <summary>Writes the decision into a meeting's minutes: the meeting must be on or after the decision.</summary>
    public void MinutedIn(OversightMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.HeldOn < DecidedOn)
        {
            throw new DomainException("A decision goes into the minutes of a meeting on or after the day it was made.");
        }

        MeetingId = meeting.Id;
    }
}
