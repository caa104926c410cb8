using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;

namespace Verivius.Domain.Figures;

/// <summary>What a site's rating is judged from: its figures for the month, as every view and document counts them.</summary>
/// <param name="PackReceived">The month's pack arrived, or the site does not owe it.</param>
/// <param name="NoPackYet">The site has sent no pack in the twelve months and owes none: it has just begun to report.</param>
public sealed record SiteMeasures(
    bool PackReceived,
    int WorseningRisks,
    int RisksNotImproving,
    int OverdueActions,
    int OpenChallenges,
    int HighChallenges,
    int Notifiable,
    int NotifiedLate,
    StaffCount? Training,
    StaffCount? Supervision,
    bool NoPackYet = false);

/// <summary>Why a site is Red or Amber: one measure that made it so, in words that name the numbers.</summary>
public sealed record RatingReason(RatingReasonKind Kind, RagRating Rating, string Text);

public enum RatingReasonKind
{
    PackMissing,
    RisksWorsening,
    HighChallenges,
    TrainingLow,
    SupervisionLow,
    NotificationsLate,
    ActionsOverdue,
    ChallengesOpen,
    RisksNotImproving,
    NoPackYet,
}

/// <summary>
/// A site's red, amber or green, one rule for the provider view and the board pack alike. Red where the
/// month's pack is missing, a recovery risk is worsening, a High challenge is open, or mandatory training
/// or supervision is below the provider's red line; Amber where an action is overdue, any challenge is
/// open, a risk is not changing, a notification was late, training or supervision is below the amber line,
/// or no pack has arrived yet (nothing evidences a new site); Green otherwise. Sites rank worst first: by
/// rating, then by how many things make them so.
/// </summary>
public sealed record SiteRating(RagRating Rating, IReadOnlyList<RatingReason> Reasons, SiteMeasures Measures)
{
    /// <summary>The rule in a sentence, with the provider's lines, for the page and the document that show ratings.</summary>
    public static string RuleInWords(ChallengeThresholds t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return $"Red: the month's pack is missing, a recovery risk is worsening, a High challenge is open, or fewer than {t.TrainingRedBelowPercent}% of staff have their mandatory training in date "
            + $"or fewer than {t.SupervisionRedBelowPercent}% were supervised on time. Amber: an action is overdue, a challenge is open, a risk is not changing, a notification to CQC was late, "
            + $"training is below {t.TrainingAmberBelowPercent}% or supervision below {t.SupervisionAmberBelowPercent}%, or no pack has arrived yet. Green: none of these. Sites are ranked worst first.";
    }

    public static SiteRating Of(SiteMeasures m, ChallengeThresholds t)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(t);
        var reasons = new List<RatingReason>();
        void Add(bool holds, RatingReasonKind kind, RagRating rating, string text)
        {
            if (holds)
            {
                reasons.Add(new RatingReason(kind, rating, text));
            }
        }

        Add(!m.PackReceived, RatingReasonKind.PackMissing, RagRating.Red, "the month's pack is missing");
        Add(m.WorseningRisks > 0, RatingReasonKind.RisksWorsening, RagRating.Red, $"{Counted(m.WorseningRisks, "recovery risk is", "recovery risks are")} worsening");
        Add(m.HighChallenges > 0, RatingReasonKind.HighChallenges, RagRating.Red, $"{Counted(m.HighChallenges, "High challenge is", "High challenges are")} open");
        AddStaff(m.Training, t.TrainingRedBelowPercent, t.TrainingAmberBelowPercent, RatingReasonKind.TrainingLow, "have their mandatory training in date");
        AddStaff(m.Supervision, t.SupervisionRedBelowPercent, t.SupervisionAmberBelowPercent, RatingReasonKind.SupervisionLow, "were supervised on time");
        Add(m.NotifiedLate > 0, RatingReasonKind.NotificationsLate, RagRating.Amber, $"{m.NotifiedLate} of {m.Notifiable} notifications to CQC in 12 months were late or not sent");
        Add(m.OverdueActions > 0, RatingReasonKind.ActionsOverdue, RagRating.Amber, $"{Counted(m.OverdueActions, "action is", "actions are")} overdue");
        Add(m.OpenChallenges > m.HighChallenges, RatingReasonKind.ChallengesOpen, RagRating.Amber, $"{Counted(m.OpenChallenges - m.HighChallenges, "other challenge is", "other challenges are")} open");
        Add(m.RisksNotImproving > 0, RatingReasonKind.RisksNotImproving, RagRating.Amber, $"{Counted(m.RisksNotImproving, "recovery risk is", "recovery risks are")} not changing");
        Add(m.NoPackYet, RatingReasonKind.NoPackYet, RagRating.Amber, "no pack has arrived yet, so nothing is evidenced");
        var rating = reasons.Count == 0 ? RagRating.Green : reasons.Max(r => r.Rating);
        return new SiteRating(rating, [.. reasons.OrderByDescending(r => r.Rating)], m);

        void AddStaff(StaffCount? count, int redBelow, int amberBelow, RatingReasonKind kind, string what)
        {
            if (count is { Staff: > 0 } c)
            {
                var percent = 100.0 * c.Meeting / c.Staff;
                var line = percent < redBelow ? (RagRating?)RagRating.Red : percent < amberBelow ? RagRating.Amber : null;
                Add(line is not null, kind, line ?? RagRating.Green, $"{StaffCount.Percent(c)} of staff {what} (below {(line == RagRating.Red ? redBelow : amberBelow)}%)");
            }
        }
    }

    /// <summary>Worst first: Red before Amber before Green, then the more reasons, High challenges, open challenges and overdue actions, then by name.</summary>
    public static IEnumerable<T> WorstFirst<T>(IEnumerable<T> sites, Func<T, SiteRating> rating, Func<T, string> name) =>
        sites.OrderByDescending(s => rating(s).Rating)
            .ThenByDescending(s => rating(s).Reasons.Count(r => r.Rating == RagRating.Red))
            .ThenByDescending(s => rating(s).Measures.HighChallenges)
            .ThenByDescending(s => rating(s).Reasons.Count)
            .ThenByDescending(s => rating(s).Measures.OpenChallenges)
            .ThenByDescending(s => rating(s).Measures.OverdueActions)
            .ThenBy(name, StringComparer.Ordinal);

    private static string Counted(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
