namespace Verivius.Domain.Challenges;

/// <summary>
/// When the challenge engine last judged a site, and until when that judgement stands. A site is judged
/// again when anything it reads changes — a record, attachment or challenge of the site (each save counts
/// <see cref="Changes"/> on), or its provider's thresholds, framework or open risks — or when the calendar
/// reaches <see cref="StandsUntil"/>, the first day on which the same records could give other findings.
/// </summary>
public sealed class SiteJudgement
{
    private SiteJudgement()
    {
    }

    public SiteJudgement(Guid siteId) => SiteId = siteId;

    public Guid SiteId { get; private set; }

    /// <summary>How many saves have changed the site's records; counted on by the save itself.</summary>
    public long Changes { get; private set; }

    /// <summary>The value of <see cref="Changes"/> the last judgement read the records at.</summary>
    public long ChangesJudged { get; private set; }

    /// <summary>The day the site was last judged as of.</summary>
    public DateOnly JudgedOn { get; private set; }

    /// <summary>The first day after <see cref="JudgedOn"/> whose findings may differ from that day's.</summary>
    public DateOnly StandsUntil { get; private set; }

    /// <summary>What the provider gave the last judgement (<see cref="ChallengeCalendar.ProviderContext"/>).</summary>
    public string ProviderContext { get; private set; } = "";

    /// <summary>
    /// The records older than the year before <see cref="JudgedOn"/> that the last judgement read, as the challenge engine wrote
    /// them down; none when it read every record. Unchanged records the engine left out as settled stay settled on later days,
    /// so a later judgement of the same records need read of the old ones only these.
    /// </summary>
    public string? OldRecordsRead { get; private set; }

    /// <summary>True when the last judgement may no longer be what the engine would find on <paramref name="day"/>.</summary>
    public bool IsDue(DateOnly day, string providerContext) =>
        Changes != ChangesJudged || ProviderContext != providerContext || day < JudgedOn || day >= StandsUntil;

    /// <summary>
    /// The old records the last judgement read, when a judgement of <paramref name="day"/> would read the same records under the
    /// same thresholds (no save since, the provider's context unchanged) and the day is not before it; otherwise none.
    /// </summary>
    public string? OldRecordsStillRead(DateOnly day, string providerContext) =>
        Changes == ChangesJudged && ProviderContext == providerContext && day >= JudgedOn ? OldRecordsRead : null;

    /// <param name="changesRead">The site's <see cref="Changes"/> as read before its records were, plus the save that records this judgement if it changes the register.</param>
    /// <param name="oldRecordsRead">The records older than the year before <paramref name="on"/> the judgement read; none when it read every record.</param>
    public void Judged(DateOnly on, long changesRead, DateOnly standsUntil, string providerContext, string? oldRecordsRead)
    {
        OldRecordsRead = oldRecordsRead;
        JudgedOn = on;
        ChangesJudged = changesRead;
        StandsUntil = standsUntil;
        ProviderContext = providerContext;
    }
}
