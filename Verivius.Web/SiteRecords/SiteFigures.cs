using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Challenges;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Domain.Sites;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Web.SiteRecords;

/// <summary>
/// One site's governance figures as at a day and for a month, as every view and document reads them
/// (<see cref="Measures"/> defines each): overdue actions and challenges today, notification and
/// candour timeliness over the twelve months before the day, the month's training, supervision,
/// staffing and action closure from <see cref="MonthlyFigures"/>, and which of the twelve months' packs arrived.
/// </summary>
public sealed class SiteFigures
{
    public Guid Id { get; init; }

    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>CQC's published overall rating, when the provider has recorded it.</summary>
    public QualityRating? CqcRating { get; init; }

    public DateOnly? CqcRatingPublishedOn { get; init; }

    public QualityRating? CqcWellLedRating { get; init; }

    /// <summary>The rating as a board reads it on a day, with its age (<see cref="RatingAge.Describe"/>).</summary>
    public string CqcRatingInWords(DateOnly today) => RatingAge.Describe(CqcRating, CqcWellLedRating, CqcRatingPublishedOn, today);

    /// <summary>Whether the rating is over six years old on the day: first in line for CQC's next inspection.</summary>
    public bool CqcRatingIsStale(DateOnly today) => CqcRatingPublishedOn is { } published && RatingAge.IsStale(published, today);

    public int Overdue { get; init; }

    public int Notifiable { get; init; }

    public int NotifiedLate { get; init; }

    public int Candour { get; init; }

    public int CandourLate { get; init; }

    /// <summary>Challenges open, answered or escalated at the site now, and how many of them are High.</summary>
    public int OpenChallenges { get; init; }

    public int HighChallenges { get; init; }

    /// <summary>Staff with mandatory training and how many have all of it in date (<see cref="WorkforceMeasures.TrainingInDate"/>); null when no matrix stands for the month.</summary>
    public StaffCount? Training { get; private set; }

    /// <summary>Staff on the supervision record and how many were supervised on time; null when no record stands for the month.</summary>
    public StaffCount? Supervision { get; private set; }

    /// <summary>The month's shifts unfilled of those planned (<see cref="Measures.UnfilledShifts"/>).</summary>
    public Share UnfilledShifts { get; private set; }

    /// <summary>The month's agency hours of all hours worked (<see cref="Measures.AgencyShare"/>).</summary>
    public Share AgencyShare { get; private set; }

    /// <summary>The actions due in the month and those closed by their due date (<see cref="Measures.ActionsClosedOnTime"/>).</summary>
    public Share ActionsClosedOnTime { get; private set; }

    /// <summary>Notifiable incidents in the twelve months and those notified on time (<see cref="Measures.NotifiedOnTime"/>).</summary>
    public Share NotifiedOnTime => new(Notifiable - NotifiedLate, Notifiable);

    /// <summary>Incidents under the duty of candour in the twelve months and those followed up on time (<see cref="Measures.CandourOnTime"/>).</summary>
    public Share CandourOnTime => new(Candour - CandourLate, Candour);

    /// <summary>Of the twelve months' packs the site owes, those received (<see cref="Measures.PacksReceived"/>).</summary>
    public Share PacksReceived => new(PackMonths.Where((_, i) => Packs[i] && Owes(i)).Count(), PackMonths.Where((_, i) => Owes(i)).Count());

    /// <summary>Whether each of the twelve months' packs arrived, oldest first, owed or not.</summary>
    public bool[] Packs { get; init; } = [];

    /// <summary>The first month the site owes a pack for (<see cref="Site.ReportingFrom"/>).</summary>
    public DateOnly ReportingFrom { get; init; }

    /// <summary>The twelve months <see cref="Packs"/> answers for, oldest first.</summary>
    public IReadOnlyList<DateOnly> PackMonths { get; private set; } = [];

    /// <summary>Whether the month's pack (the newest of the twelve) is owed and has not arrived.</summary>
    public bool PackMissing => Owes(PackMonths.Count - 1) && !Packs[^1];

    /// <summary>The month's pack as a board reads it: "Received", "Missing", or "Not owed" before the site's reporting month.</summary>
    public string MonthsPackInWords => Packs[^1] ? "Received" : PackMissing ? "Missing" : "Not owed";

    private bool Owes(int month) => PackMonths[month] >= ReportingFrom;

    /// <summary>
    /// One command for any number of sites, with the <paramref name="month"/>'s figures from <paramref name="monthly"/>.
    /// Notifications and candour are judged as the challenge engine judged them at its last run (working
    /// days and all): an incident is late while a late or missing challenge's condition holds.
    /// <paramref name="packMonths"/> must be twelve months.
    /// </summary>
    internal static async Task<List<SiteFigures>> LoadAsync(
        VeriviusDbContext db, IQueryable<Site> sites, DateOnly asOf, DateOnly month, MonthlyFigures monthly, IReadOnlyList<DateOnly> packMonths,
        CancellationToken cancellationToken)
    {
        var figures = await Of(db, sites, asOf, packMonths).ToListAsync(cancellationToken);
        foreach (var site in figures)
        {
            site.PackMonths = packMonths;
            site.Training = monthly.TrainingOf(site.Id, month);
            site.Supervision = monthly.SupervisionOf(site.Id, month);
            site.UnfilledShifts = monthly.UnfilledShiftsOf(site.Id, month);
            site.AgencyShare = monthly.AgencyShareOf(site.Id, month);
            site.ActionsClosedOnTime = monthly.ActionsClosedOnTimeOf(site.Id, month);
        }

        return [.. figures.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static IQueryable<SiteFigures> Of(VeriviusDbContext db, IQueryable<Site> sites, DateOnly asOf, IReadOnlyList<DateOnly> packMonths)
    {
        var active = ChallengeStatuses.Active;

        // The twelve months to the day: the eleven whole months between from the kept figures, and only the
        // part-months at the ends (after the day a year ago, and up to the day) from the incidents themselves.
        var yearAgo = asOf.AddYears(-1);
        var wholeFrom = new DateOnly(yearAgo.Year, yearAgo.Month, 1).AddMonths(1);
        var wholeTo = new DateOnly(asOf.Year, asOf.Month, 1);
        var whole = db.SiteMonthFigures.Where(f => f.Month >= wholeFrom && f.Month < wholeTo);
        var ends = db.Incidents.Where(i => (i.Details.OccurredOn > yearAgo && i.Details.OccurredOn < wholeFrom) || (i.Details.OccurredOn >= wholeTo && i.Details.OccurredOn <= asOf));
        var (prefix, notificationLate, candourLate) = (IncidentTimeliness.KeyPrefix, IncidentTimeliness.NotificationLateCodes, IncidentTimeliness.CandourLateCode);
        var (m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11) = (packMonths[0], packMonths[1], packMonths[2], packMonths[3], packMonths[4], packMonths[5], packMonths[6], packMonths[7], packMonths[8], packMonths[9], packMonths[10], packMonths[11]);

        var (overdueOpen, overdueClosedSince) = ActionsOverdue.On(db.Actions, asOf);
        return sites.Select(s => new SiteFigures
        {
            Id = s.Id,
            Code = s.Code,
            Name = s.Name,
            CqcRating = s.CqcRating,
            CqcRatingPublishedOn = s.CqcRatingPublishedOn,
            CqcWellLedRating = s.CqcWellLedRating,
            ReportingFrom = s.ReportingFrom,
            Overdue = overdueOpen.Count(a => a.SiteId == s.Id) + overdueClosedSince.Count(a => a.SiteId == s.Id),
            Notifiable = whole.Where(f => f.SiteId == s.Id).Sum(f => f.Notifiable) + ends.Count(i => i.SiteId == s.Id && i.Details.CqcNotifiable),
            NotifiedLate = whole.Where(f => f.SiteId == s.Id).Sum(f => f.NotifiedLate) + ends.Count(i => i.SiteId == s.Id && i.Details.CqcNotifiable
                && db.Challenges.Any(c => c.SiteId == s.Id && c.ConditionHolds && notificationLate.Contains(c.Code) && c.Key == prefix + i.Ref)),
            Candour = whole.Where(f => f.SiteId == s.Id).Sum(f => f.CandourIncidents) + ends.Count(i => i.SiteId == s.Id && i.Details.CandourApplies),
            CandourLate = whole.Where(f => f.SiteId == s.Id).Sum(f => f.CandourLate) + ends.Count(i => i.SiteId == s.Id && i.Details.CandourApplies
                && db.Challenges.Any(c => c.SiteId == s.Id && c.ConditionHolds && c.Code == candourLate && c.Key == prefix + i.Ref)),
            OpenChallenges = db.Challenges.Count(c => c.SiteId == s.Id && active.Contains(c.Status)),
            HighChallenges = db.Challenges.Count(c => c.SiteId == s.Id && active.Contains(c.Status) && c.Severity == ChallengeSeverity.High),
            Packs = new[]
            {
                db.Packs.Any(p => p.SiteId == s.Id && p.Period == m0), db.Packs.Any(p => p.SiteId == s.Id && p.Period == m1), db.Packs.Any(p => p.SiteId == s.Id && p.Period == m2),
                db.Packs.Any(p => p.SiteId == s.Id && p.Period == m3), db.Packs.Any(p => p.SiteId == s.Id && p.Period == m4), db.Packs.Any(p => p.SiteId == s.Id && p.Period == m5),
                db.Packs.Any(p => p.SiteId == s.Id && p.Period == m6), db.Packs.Any(p => p.SiteId == s.Id && p.Period == m7), db.Packs.Any(p => p.SiteId == s.Id && p.Period == m8),
                db.Packs.Any(p => p.SiteId == s.Id && p.Period == m9), db.Packs.Any(p => p.SiteId == s.Id && p.Period == m10), db.Packs.Any(p => p.SiteId == s.Id && p.Period == m11),
            },
        });
    }

    /// <summary>The site's rating by the one rule (<see cref="SiteRating"/>), from these figures and the trends of its open recovery risks.</summary>
    public SiteRating Rating(IEnumerable<RiskTrend> openRisks, ChallengeThresholds thresholds)
    {
        var trends = openRisks.ToList();
        return SiteRating.Of(
            new SiteMeasures(
                !PackMissing, trends.Count(t => t == RiskTrend.Worsening), trends.Count(t => t == RiskTrend.NoChange), Overdue, OpenChallenges, HighChallenges, Notifiable, NotifiedLate, Training, Supervision,
                NoPackYet: !PackMissing && !Packs.Any(received => received)),
            thresholds);
    }

    /// <summary>
    /// Every measure of the given sites added up, each with its value in words, in the order pages and
    /// documents list them: for one site, that site's figures; for many, the provider's.
    /// </summary>
    public static IReadOnlyList<MeasuredValue> Measured(IReadOnlyCollection<SiteFigures> sites, int supervisionDays)
    {
        Share Sum(Func<SiteFigures, Share> share) => sites.Select(share).Aggregate(default(Share), Share.Add);
        StaffCount? Staff(Func<SiteFigures, StaffCount?> count)
        {
            var measured = sites.Select(count).OfType<StaffCount>().ToList();
            return measured.Count == 0 ? null : measured.Aggregate(StaffCount.Add);
        }

        return
        [
            new(WorkforceMeasures.TrainingInDate, StaffCount.Described(Staff(s => s.Training))),
            new(WorkforceMeasures.SupervisedOnTime(supervisionDays), StaffCount.Described(Staff(s => s.Supervision))),
            new(Measures.UnfilledShifts, Sum(s => s.UnfilledShifts).Counted("shifts")),
            new(Measures.AgencyShare, Sum(s => s.AgencyShare).Counted("hours")),
            new(Measures.ActionsClosedOnTime, Sum(s => s.ActionsClosedOnTime).Counted("actions due")),
            new(Measures.NotifiedOnTime, Sum(s => s.NotifiedOnTime).Counted("notifiable incidents")),
            new(Measures.CandourOnTime, Sum(s => s.CandourOnTime).Counted("candour incidents")),
            new(Measures.OverdueActions, sites.Sum(s => s.Overdue).ToString(CultureInfo.InvariantCulture)),
            new(Measures.OpenChallenges, $"{sites.Sum(s => s.OpenChallenges)} ({sites.Sum(s => s.HighChallenges)} High)"),
            new(Measures.PacksReceived, Sum(s => s.PacksReceived).Counted("monthly packs")),
        ];
    }

    /// <summary>The twelve months before the one <paramref name="day"/> is in, oldest first.</summary>
    public static List<DateOnly> TwelveMonthsBefore(DateOnly day) =>
        [.. Enumerable.Range(1, 12).Select(back => new DateOnly(day.Year, day.Month, 1).AddMonths(-back)).Reverse()];
}

/// <summary>A measure and its value in words, as a page or document lists it beside its explanation.</summary>
public sealed record MeasuredValue(Measure Measure, string Value);
