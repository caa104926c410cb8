using Verivius.Domain.Common;

namespace Verivius.Domain.Oversight;

/// <summary>
/// A provider oversight meeting: where the nominated individual's decisions on challenges are minuted.
/// Each decision goes into the minutes of the next meeting on or after the day it was made.
/// </summary>
public sealed class OversightMeeting : Entity
{
    public const int MaxTitleLength = 200;

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
