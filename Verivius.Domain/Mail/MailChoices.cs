using Verivius.Domain.Common;

namespace Verivius.Domain.Mail;

/// <summary>How often a person gets a digest.</summary>
public enum DigestFrequency
{
    /// <summary>On every day the provider's digest time comes round.</summary>
    Daily,

    /// <summary>On the provider's digest day each week.</summary>
    Weekly,

    Never,
}

/// <summary>
/// What one person has chosen to get by e-mail: the kinds they have turned off, and how often each
/// digest comes. Someone who has chosen nothing gets every kind their role brings, the challenges
/// digest weekly and the High challenges digest daily. Urgent kinds (<see cref="MailKinds.Urgent"/>)
/// cannot be turned off.
/// </summary>
public sealed class MailChoices : Entity
{
    private MailChoices()
    {
    }

    public MailChoices(string userId)
    {
        UserId = userId;
        ChallengesDigest = DigestFrequency.Weekly;
        HighChallengesDigest = DigestFrequency.Daily;
    }

    public string UserId { get; private set; } = "";

    /// <summary>The kinds this person has turned off, comma-separated as stored.</summary>
    public string DeclinedKinds { get; private set; } = "";

    public IReadOnlyList<string> Declined => DeclinedKinds.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public DigestFrequency ChallengesDigest { get; private set; }

    public DigestFrequency HighChallengesDigest { get; private set; }

    /// <summary>Whether a message of this kind goes to this person; a digest also needs its frequency to come round.</summary>
    public bool Wants(string kind) => kind switch
    {
        _ when MailKinds.Urgent.Contains(kind) => true,
        MailKinds.ChallengesWaiting => ChallengesDigest != DigestFrequency.Never,
        MailKinds.NewHighChallenges => HighChallengesDigest != DigestFrequency.Never,
        _ => !Declined.Contains(kind),
    };

    public DigestFrequency FrequencyOf(string digest) => digest switch
    {
        MailKinds.ChallengesWaiting => ChallengesDigest,
        MailKinds.NewHighChallenges => HighChallengesDigest,
        _ => throw new DomainException($"\"{digest}\" is not a digest."),
    };

    /// <summary>Replaces every choice at once, as the preferences form sends them.</summary>
    public void Choose(IEnumerable<string> wanted, DigestFrequency challengesDigest, DigestFrequency highChallengesDigest)
    {
        var kept = wanted.ToHashSet(StringComparer.Ordinal);
        DeclinedKinds = string.Join(',', MailKinds.Choosable.Where(kind => !MailKinds.Digests.Contains(kind) && !kept.Contains(kind)));
        ChallengesDigest = challengesDigest;
        HighChallengesDigest = highChallengesDigest;
    }

    /// <summary>Turns one kind off, as an unsubscribe link does; an urgent kind cannot be.</summary>
    public void TurnOff(string kind)
    {
        if (MailKinds.Urgent.Contains(kind) || !MailKinds.Choosable.Contains(kind))
        {
            throw new DomainException($"\"{MailKinds.Describe(kind)}\" cannot be turned off.");
        }

        switch (kind)
        {
            case MailKinds.ChallengesWaiting:
                ChallengesDigest = DigestFrequency.Never;
                break;
            case MailKinds.NewHighChallenges:
                HighChallengesDigest = DigestFrequency.Never;
                break;
            default:
                if (!Declined.Contains(kind))
                {
                    DeclinedKinds = string.Join(',', Declined.Append(kind));
                }

                break;
        }
    }
}
