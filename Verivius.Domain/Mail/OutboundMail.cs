using Verivius.Domain.Common;

namespace Verivius.Domain.Mail;

public enum MailStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Waiting,

    /// <summary>Taken by one instance's delivery job, which is handing it to the mail server now.</summary>
    Sending,

    Sent,

    /// <summary>Every attempt failed; the last error says why.</summary>
    Failed,

    /// <summary>
    /// Taken for sending by an instance that stopped before it could say how it went: it may or may not
    /// have gone, and it is not sent again, since a message is sent at most once.
    /// </summary>
    Unknown,
}

/// <summary>
/// A message the portal sends, put in the outbox in the same save as the event that causes it, so a
/// failed save sends nothing and a saved event is never without its message. The delivery job takes
/// each one (only one instance can), hands it to the mail server, and records how it went; a failure
/// is tried again later, each wait longer than the last, up to <see cref="MaxAttempts"/>.
/// </summary>
public sealed class OutboundMail : Entity
{
    public const int MaxAttempts = 6;
    public const int MaxSubjectLength = 200;
    public const int MaxErrorLength = 1000;

    /// <summary>The wait after each failed attempt: a minute, five, half an hour, two hours, six.</summary>
    private static readonly TimeSpan[] Waits = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    private OutboundMail()
    {
    }

    /// <param name="providerId">The provider whose event it is, whose admins see it in the outbox; none for a commissioner's own password mail.</param>
    /// <param name="kind">What the message is, for the outbox and for people's choices of what they get (a <see cref="MailKinds"/> name).</param>
    /// <param name="onceKey">Where the message must go at most once whatever asks for it again (a reminder for a site, month and kind), the key that says so.</param>
    public OutboundMail(Guid? providerId, string kind, string recipient, string subject, string htmlBody, string textBody, DateTimeOffset queuedAt, string? onceKey = null)
    {
        if (string.IsNullOrWhiteSpace(recipient) || !recipient.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainException($"\"{recipient}\" is not an e-mail address to send to.");
        }

        ProviderId = providerId;
        Kind = kind;
        Recipient = recipient.Trim();
        Subject = subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] : subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        Status = MailStatus.Waiting;
        QueuedAt = queuedAt;
        NextAttemptAt = queuedAt;
        OnceKey = onceKey;
    }

    public Guid? ProviderId { get; private set; }

    public string Kind { get; private set; } = "";

    public string Recipient { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string HtmlBody { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    public MailStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>When the event that caused it was saved.</summary>
    public DateTimeOffset QueuedAt { get; private set; }

    /// <summary>When it may next be tried.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Unique where set: the same reminder asked for twice is one message.</summary>
    public string? OnceKey { get; private set; }

    /// <summary>The signed link that turns this kind of message off for its recipient, given to mail clients as List-Unsubscribe; none for urgent kinds.</summary>
    public string? UnsubscribeLink { get; private set; }

    /// <summary>The document sent with the message, read when it is delivered (and left off if it was withdrawn by then).</summary>
    public Guid? AttachedDocumentId { get; private set; }

    public void OffersUnsubscribe(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        UnsubscribeLink = link.ToString();
    }

    public void Attaches(Guid documentId) => AttachedDocumentId = documentId;

    public void Delivered(DateTimeOffset at)
    {
        Attempts++;
        Status = MailStatus.Sent;
        SentAt = at;
        LastError = null;

        // A set-password link works once and is of no use to anyone reading the outbox afterwards.
        if (MailKinds.CarriesLink(Kind))
        {
            HtmlBody = TextBody = SentLinkRemoved;
        }
    }

    /// <summary>What a sent message's bodies say once its single-use link is gone from the outbox.</summary>
    public const string SentLinkRemoved = "(Sent. The body held a single-use link to choose a password, so it is not kept.)";

    /// <summary>An attempt failed: tried again after the next wait, or given up after the last attempt.</summary>
    public void AttemptFailed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = MailStatus.Failed;
            return;
        }

        Status = MailStatus.Waiting;
        NextAttemptAt = at + Waits[Math.Min(Attempts, Waits.Length) - 1];
    }
}

/// <summary>The kinds of message the portal sends, and which of them a person may turn off.</summary>
public static class MailKinds
{
    /// <summary>To a new user: a link to choose their password, which works once.</summary>
    public const string Invitation = "invitation";

    /// <summary>To a person who asked, or whose admin reset it: a link to choose a new password.</summary>
    public const string PasswordReset = "password-reset";

    /// <summary>To a commissioner: a recovery update has been published for them.</summary>
    public const string UpdatePublished = "update-published";

    /// <summary>To a commissioner: an update they had was withdrawn, with the reason.</summary>
    public const string UpdateWithdrawn = "update-withdrawn";

    /// <summary>To the nominated individual and the named approver: a draft waits for their review.</summary>
    public const string DraftWaiting = "draft-waiting";

    /// <summary>To a site's registered managers: the month's pack is due in a few days.</summary>
    public const string PackDue = "pack-due";

    /// <summary>To a site's registered managers: the deadline passed with no pack.</summary>
    public const string PackMissing = "pack-missing";

    /// <summary>To a site's registered managers: the challenges waiting for the site's answer.</summary>
    public const string ChallengesWaiting = "challenges-waiting";

    /// <summary>To the nominated individual: a site answered challenges that wait for their decision.</summary>
    public const string AnswerWaiting = "answer-waiting";

    /// <summary>To a site's registered managers and the other nominated individuals: a challenge was escalated to the board.</summary>
    public const string Escalated = "escalated";

    /// <summary>To the nominated individual: the High challenges opened since the last digest.</summary>
    public const string NewHighChallenges = "new-high-challenges";

    /// <summary>Messages nobody can turn off: without them a person is locked out or misled.</summary>
    public static IReadOnlyList<string> Urgent { get; } = [Invitation, PasswordReset, UpdateWithdrawn];

    /// <summary>The digests, sent on the provider's schedule as often as each person chooses.</summary>
    public static IReadOnlyList<string> Digests { get; } = [ChallengesWaiting, NewHighChallenges];

    /// <summary>Every kind a person may choose not to get, in the order the preferences page lists them.</summary>
    public static IReadOnlyList<string> Choosable { get; } = [PackDue, PackMissing, ChallengesWaiting, Escalated, AnswerWaiting, NewHighChallenges, DraftWaiting, UpdatePublished];

    public static bool CarriesLink(string kind) => kind is Invitation or PasswordReset;

    /// <summary>The kinds a person in these roles may get and choose about, in the order of <see cref="Choosable"/>.</summary>
    public static IReadOnlyList<string> ForRoles(IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        if (roles.Contains(Access.Roles.RegisteredManager))
        {
            kinds.UnionWith([PackDue, PackMissing, ChallengesWaiting, Escalated]);
        }

        if (roles.Contains(Access.Roles.NominatedIndividual))
        {
            kinds.UnionWith([Escalated, AnswerWaiting, NewHighChallenges, DraftWaiting]);
        }

        if (roles.Contains(Access.Roles.ProviderAdmin))
        {
            kinds.Add(DraftWaiting);
        }

        if (roles.Contains(Access.Roles.Commissioner))
        {
            kinds.Add(UpdatePublished);
        }

        return [.. Choosable.Where(kinds.Contains)];
    }

    public static string Describe(string kind) => kind switch
    {
        Invitation => "Invitation to the portal",
        PasswordReset => "Link to choose a new password",
        UpdatePublished => "Recovery update published",
        UpdateWithdrawn => "Recovery update withdrawn",
        DraftWaiting => "Draft waiting for review",
        PackDue => "Monthly pack due soon",
        PackMissing => "Monthly pack missing",
        ChallengesWaiting => "Digest of challenges waiting for the site's answer",
        AnswerWaiting => "Answers waiting for your decision",
        Escalated => "A challenge escalated to the board",
        NewHighChallenges => "Digest of new High challenges",
        _ => kind,
    };
}
