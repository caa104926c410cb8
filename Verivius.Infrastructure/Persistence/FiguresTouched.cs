using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;

namespace Verivius.Infrastructure.Persistence;

/// <summary>
/// The months of <see cref="SiteMonthFigures"/> a save changes, read from its pending changes before it is
/// made: each site's first to last month whose records are added, changed (before and after) or removed
/// — a training matrix or supervision record for every month it stands for — and the providers whose
/// supervision interval changed, whose every month is judged again.
/// </summary>
internal sealed class FiguresTouched
{
    private readonly Dictionary<Guid, (DateOnly From, DateOnly To)> _sites = [];
    private readonly HashSet<Guid> _providers = [];
    private readonly HashSet<(Guid SiteId, string Ref)> _incidentsJudged = [];

    public IReadOnlyDictionary<Guid, (DateOnly From, DateOnly To)> Sites => _sites;

    public IReadOnlyCollection<Guid> Providers => _providers;

    /// <summary>Incidents (site and reference) whose late or missing finding was raised, changed its holding or went; their months are found once saved.</summary>
    public IReadOnlyCollection<(Guid SiteId, string Ref)> IncidentsJudged => _incidentsJudged;

    public bool IsEmpty => _sites.Count == 0 && _providers.Count == 0 && _incidentsJudged.Count == 0;

    public static FiguresTouched Of(ChangeTracker tracker)
    {
        var touched = new FiguresTouched();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case Incident incident:
                    touched.Add(incident.SiteId, Detail(entry, nameof(IncidentDetails.OccurredOn)), 1);
                    break;
                case ImprovementAction action:
                    touched.Add(action.SiteId, Detail(entry, nameof(ActionDetails.DueOn)), 1);
                    break;
                case StaffingWeek week:
                    touched.Add(week.SiteId, Detail(entry, nameof(StaffingDetails.WeekStarting)), 1);
                    break;
                case TrainingRecord training:
                    touched.Add(training.SiteId, Values(entry.Property(nameof(TrainingRecord.Period))), WorkforceMeasures.MonthsARecordStands);
                    break;
                case SupervisionRecord supervision:
                    touched.Add(supervision.SiteId, Values(entry.Property(nameof(SupervisionRecord.Period))), WorkforceMeasures.MonthsARecordStands);
                    break;
                case ChallengeSettings settings:
                    touched._providers.Add(settings.ProviderId);
                    break;
                case Challenge challenge when IncidentTimeliness.IncidentJudgedBy(challenge) is { } incidentRef
                    && (entry.State != EntityState.Modified || entry.Property(nameof(Challenge.ConditionHolds)).IsModified):
                    touched._incidentsJudged.Add((challenge.SiteId, incidentRef));
                    break;
            }
        }

        return touched;
    }

    /// <summary>Adds the month an incident occurred in (found after the save) to its site's span.</summary>
    public void AddIncidentMonth(Guid siteId, DateOnly occurredOn) => Add(siteId, [occurredOn], 1);

    private static IEnumerable<DateOnly?> Detail(EntityEntry entry, string property) =>
        Values(entry.ComplexProperty("Details").Property(property));

    // Before and after: a record moved to another month changes both.
    private static IEnumerable<DateOnly?> Values(PropertyEntry property) =>
        property.EntityEntry.State == EntityState.Added ? [(DateOnly?)property.CurrentValue] : [(DateOnly?)property.OriginalValue, (DateOnly?)property.CurrentValue];

    private void Add(Guid siteId, IEnumerable<DateOnly?> days, int monthsCounted)
    {
        foreach (var day in days.OfType<DateOnly>())
        {
            var from = new DateOnly(day.Year, day.Month, 1);
            var to = from.AddMonths(monthsCounted - 1);
            _sites[siteId] = _sites.TryGetValue(siteId, out var span) ? (Min(span.From, from), Max(span.To, to)) : (from, to);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
