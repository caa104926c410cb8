using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Figures;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Common;
using Verivius.Web.Features.Provider;
using Verivius.Web.SiteRecords;

namespace Verivius.Tests.Infrastructure;

/// <summary>
/// The monthly figures kept beside the records agree with a count of the records themselves after any
/// sequence of saves: records added, moved between months, changed and removed, training matrices and
/// supervision records replaced, the provider's supervision interval changed, and the challenge engine
/// judging incidents' notifications and candour late (or no longer late) on the days it runs.
/// </summary>
public class SiteMonthFiguresTests : IClassFixture<PortalFactory>
{
    private static readonly DateOnly FirstMonth = new(2025, 1, 1);
    private const int Months = 24;

    private readonly PortalFactory _factory;

    public SiteMonthFiguresTests(PortalFactory factory) => _factory = factory;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task KeptFigures_AgreeWithARebuildFromTheRecords_AfterRandomSaves(int seed)
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 3);
        var (providerId, siteIds) = await IdsAsync(world);
        var random = new Random(seed);

        for (var step = 1; step <= 120; step++)
        {
            await using (var scope = _factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
                for (var change = random.Next(1, 4); change > 0; change--)
                {
                    await ChangeSomethingAsync(db, random, providerId, siteIds[random.Next(siteIds.Count)]);
                }

                await db.SaveChangesAsync();
            }

            // The engine's judgement of notifications and candour is counted too: run it now and then, on a changing day.
            if (step % 20 == 10)
            {
                await RunEngineAsync(siteIds, AnyDay(random).AddMonths(2));
            }

            if (step % 30 == 0)
            {
                await AssertKeptFiguresAgreeWithRebuildAsync(siteIds, $"seed {seed}, after step {step}");
            }
        }

        // A last run after every record's deadline has passed judges each incident never notified: the late counts are then compared whatever the random saves left.
        await RunEngineAsync(siteIds, FirstMonth.AddMonths(Months + 2));
        await AssertKeptFiguresAgreeWithRebuildAsync(siteIds, $"seed {seed}, after the last engine run");
        await using var check = _factory.Services.CreateAsyncScope();
        var months = await check.ServiceProvider.GetRequiredService<VeriviusDbContext>().SiteMonthFigures.Where(f => siteIds.Contains(f.SiteId)).ToListAsync();
        Assert.True(months.Any(f => f.NotifiedLate > 0) && months.Any(f => f.CandourLate > 0), "the saves left some incidents judged late, so the count of them was compared");
    }

    /// <summary>
    /// The provider view keeps each site's part of its figures and, after saves that changed only some sites'
    /// records, reads again only those sites' parts: after every save here, what it shows is what reading
    /// every site afresh gives, and most of them were indeed patched rather than read whole.
    /// </summary>
    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public async Task TheProviderView_PatchedSiteBySite_ShowsWhatReadingEverySiteGives_AfterRandomSaves(int seed)
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 4);
        var (providerId, siteIds) = await IdsAsync(world);
        var random = new Random(seed);
        var (today, month) = (FirstMonth.AddMonths(Months).AddDays(9), FirstMonth.AddMonths(Months - 1));
        var (readWhole, patched) = (0, 0);
        var parts = GetProviderHomeHandler.Parts(providerId, today, month);
        var counted = parts with
        {
            Compute = services => { readWhole++; return parts.Compute(services); },
            Patch = (services, kept, sites) => { patched++; return parts.Patch(services, kept, sites); },
        };
        var kept = _factory.Services.GetRequiredService<KeptFigures>();
        await RunEngineAsync(siteIds, today);

        const int Steps = 60;
        for (var step = 1; step <= Steps; step++)
        {
            await using (var scope = _factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
                await ChangeSomethingAsync(db, random, providerId, siteIds[random.Next(siteIds.Count)]);
                await db.SaveChangesAsync();
            }

            // The engine raises and clears challenges (counted and listed by the view) as the records change.
            if (step % 6 == 3)
            {
                await RunEngineAsync(siteIds, today);
            }

            var shown = await kept.GetAsync((nameof(TheProviderView_PatchedSiteBySite_ShowsWhatReadingEverySiteGives_AfterRandomSaves), seed), counted, CancellationToken.None);
            await using var fresh = _factory.Services.CreateAsyncScope();
            var whole = await GetProviderHomeHandler.LoadAsync(fresh.ServiceProvider.GetRequiredService<VeriviusDbContext>(), providerId, today, month, CancellationToken.None);
            Assert.Equal(JsonSerializer.Serialize(whole), JsonSerializer.Serialize(shown));
        }

        // A change of the provider's settings (one step in ten) reads every site again; every other step patches.
        Assert.True(patched >= Steps / 2, $"{patched} of {Steps} views were patched site by site ({readWhole} read whole)");
        Assert.InRange(readWhole, 1, Steps / 2);
    }

    [Fact]
    public async Task APackImport_CountsTheMonthsItWrites()
    {
        var (world, site) = await TestWorlds.WithImportedPackAsync(_factory);
        var (_, siteIds) = await IdsAsync(world);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
            var october = await db.SiteMonthFigures.SingleAsync(f => f.SiteId == siteIds[0] && f.Month == new DateOnly(2026, 10, 1));
            Assert.Equal(await db.Incidents.CountAsync(i => i.SiteId == siteIds[0] && i.Details.OccurredOn >= new DateOnly(2026, 10, 1) && i.Details.OccurredOn < new DateOnly(2026, 11, 1)), october.Incidents);
            Assert.True(october.Incidents > 0, $"the default pack of {site} records October's incidents");
            Assert.NotNull(october.TrainingStaff);
        }

        await AssertKeptFiguresAgreeWithRebuildAsync(siteIds, "after a pack import");
    }

    [Fact]
    public async Task TwelveMonthsToTheDay_FromKeptMonthsAndTheEdges_CountWhatTheIncidentsGive_OnAnyDay()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        var (_, siteIds) = await IdsAsync(world);
        var random = new Random(21);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        for (var day = FirstMonth; day < FirstMonth.AddMonths(Months); day = day.AddDays(random.Next(1, 4)))
        {
            db.Incidents.Add(AnyIncident(random, siteIds[0], day));
        }

        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<ChallengeRunner>().RunAsync(siteIds, FirstMonth.AddMonths(Months), CancellationToken.None);

        // Days scattered over the second year, the ends of months among them.
        for (var asOf = FirstMonth.AddMonths(12).AddDays(-1); asOf < FirstMonth.AddMonths(Months); asOf = asOf.AddDays(random.Next(1, 9)))
        {
            var month = new DateOnly(asOf.Year, asOf.Month, 1);
            var sites = db.Sites.Where(s => s.Id == siteIds[0]);
            var monthly = await MonthlyFigures.LoadAsync(db, sites.Select(s => s.Id), month, month, CancellationToken.None);
            var figures = (await SiteFigures.LoadAsync(db, sites, asOf, month, monthly, SiteFigures.TwelveMonthsBefore(asOf), CancellationToken.None)).Single();

            var inTheYear = db.Incidents.Where(i => i.SiteId == siteIds[0] && i.Details.OccurredOn > asOf.AddYears(-1) && i.Details.OccurredOn <= asOf);
            bool JudgedLate(Incident incident, params string[] codes) =>
                db.Challenges.Any(c => c.SiteId == incident.SiteId && c.ConditionHolds && codes.Contains(c.Code) && c.Key == $"Incidents:{incident.Details.IncidentRef}");
            var notifiable = await inTheYear.Where(i => i.Details.CqcNotifiable).ToListAsync();
            var candour = await inTheYear.Where(i => i.Details.CandourApplies).ToListAsync();
            var expected = (notifiable.Count, notifiable.Count(i => JudgedLate(i, ChallengeCodes.IncNotificationLate, ChallengeCodes.IncNotificationMissing)),
                candour.Count, candour.Count(i => JudgedLate(i, ChallengeCodes.IncCandourLate)));

            Assert.Equal(expected, (figures.Notifiable, figures.NotifiedLate, figures.Candour, figures.CandourLate));
            Assert.True(expected.Item2 > 0 && expected.Item4 > 0, $"some incidents in the year to {asOf} were judged late");
        }
    }

    private async Task RunEngineAsync(IReadOnlyList<Guid> siteIds, DateOnly asOf)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChallengeRunner>().RunAsync(siteIds, asOf, CancellationToken.None);
    }

    private async Task AssertKeptFiguresAgreeWithRebuildAsync(IReadOnlyList<Guid> siteIds, string when)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var kept = await KeptAsync(db, siteIds);

        var differed = await SiteMonthCounting.RebuildAsync(db, siteIds.ToList(), CancellationToken.None);

        Assert.Equal(await KeptAsync(db, siteIds), kept);
        Assert.True(differed == 0, $"{differed} kept month(s) differed from the records {when}");
        Assert.NotEmpty(kept);
    }

    private static async Task<List<string>> KeptAsync(VeriviusDbContext db, IReadOnlyList<Guid> siteIds) =>
        [.. (await db.SiteMonthFigures.AsNoTracking().Where(f => siteIds.Contains(f.SiteId)).ToListAsync())
            .Select(f => SiteMonthCounting.Fingerprint(f).ToString()).Order(StringComparer.Ordinal)];

    private async Task<(Guid ProviderId, List<Guid> SiteIds)> IdsAsync(ProviderWorld world)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var providerId = await db.Providers.Where(p => p.Name == world.ProviderName).Select(p => p.Id).SingleAsync();
        var siteIds = await db.Sites.Where(s => world.SiteCodes.Contains(s.Code)).OrderBy(s => s.Code).Select(s => s.Id).ToListAsync();
        return (providerId, siteIds);
    }

    private static Incident AnyIncident(Random random, Guid siteId, DateOnly occurred)
    {
        var notifiable = random.Next(2) == 0;
        var candour = random.Next(2) == 0;
        var incident = new Incident(siteId, new IncidentDetails(
            $"INC-{Guid.NewGuid():N}", occurred, IncidentCategory.Fall, Severity.Moderate, notifiable, notifiable ? NotificationType.SeriousInjury : null, SentOrNot(random, occurred),
            candour, candour ? occurred.AddDays(1) : null, candour ? true : null, candour ? SentOrNot(random, occurred) : null, null, IncidentStatus.Open, null));
        incident.Record(incident.Details, null);
        return incident;
    }

    // Sent the next day, weeks late, or not at all: the engine judges the last two late or missing.
    private static DateOnly? SentOrNot(Random random, DateOnly occurred) => random.Next(3) switch { 0 => occurred.AddDays(1), 1 => occurred.AddDays(40), _ => null };

    private static DateOnly AnyDay(Random random) => FirstMonth.AddMonths(random.Next(Months)).AddDays(random.Next(28));

    private static DateOnly AnyMonth(Random random) => FirstMonth.AddMonths(random.Next(Months));

    private static async Task ChangeSomethingAsync(VeriviusDbContext db, Random random, Guid providerId, Guid siteId)
    {
        switch (random.Next(10))
        {
            case 0:
            case 1:
                db.Incidents.Add(AnyIncident(random, siteId, AnyDay(random)));
                break;
            case 2:
                if (await AnyAsync(db.Incidents.Where(i => i.SiteId == siteId), random) is { } moved)
                {
                    if (random.Next(2) == 0)
                    {
                        db.Incidents.Remove(moved);
                    }
                    else
                    {
                        // Moved, and a notification owed now sent the next day: the engine's next run clears what it found late.
                        var movedTo = AnyDay(random);
                        moved.Record(moved.Details with { OccurredOn = movedTo, NotificationSentOn = moved.Details.CqcNotifiable ? movedTo.AddDays(1) : null }, null);
                    }
                }

                break;
            case 3:
                var due = AnyDay(random);
                var closed = random.Next(3) switch { 0 => (DateOnly?)null, 1 => due.AddDays(-2), _ => due.AddDays(5) };
                var actionRef = $"ACT-{Guid.NewGuid():N}";
                var details = new ActionDetails(actionRef, "Fix the rota", ActionSource.Other, null, "Deputy manager", due.AddDays(-40), due, closed is null ? ActionStatus.Open : ActionStatus.Closed, closed, closed is null ? null : "Done", null, null);
                var action = new ImprovementAction(siteId, details);
                action.Record(details, null, null);
                db.Actions.Add(action);
                break;
            case 4:
                if (await AnyAsync(db.Actions.Where(a => a.SiteId == siteId), random) is { } changed)
                {
                    if (random.Next(3) == 0)
                    {
                        db.Actions.Remove(changed);
                    }
                    else
                    {
                        var newDue = AnyDay(random);
                        changed.Record(changed.Details with { DueOn = newDue, RaisedOn = newDue.AddDays(-40), Status = ActionStatus.Closed, ClosedOn = newDue.AddDays(random.Next(-3, 4)), Outcome = "Done" }, null, null);
                    }
                }

                break;
            case 5:
                var planned = random.Next(20, 60);
                if (await FreeWeekAsync(db, random, siteId) is not { } weekStarting)
                {
                    break;
                }

                var week = new StaffingWeek(siteId, new StaffingDetails(weekStarting, planned, random.Next(planned), random.Next(0, 200), 1000 + random.Next(500), 0, 0, null, null, null));
                db.Staffing.Add(week);
                break;
            case 6:
                if (await AnyAsync(db.Staffing.Where(w => w.SiteId == siteId), random) is { } staffing)
                {
                    if (random.Next(2) == 0)
                    {
                        db.Staffing.Remove(staffing);
                    }
                    else if (await FreeWeekAsync(db, random, siteId) is { } movedTo)
                    {
                        staffing.Record(staffing.Details with { WeekStarting = movedTo, ShiftsUnfilled = 0, AgencyHours = 12.5 });
                    }
                }

                break;
            case 7:
                await ReplaceTrainingMatrixAsync(db, random, siteId);
                break;
            case 8:
                await ReplaceSupervisionRecordAsync(db, random, siteId);
                break;
            default:
                var settings = await db.ChallengeSettings.SingleOrDefaultAsync(s => s.ProviderId == providerId) ?? db.ChallengeSettings.Add(new ChallengeSettings(providerId)).Entity;
                settings.Change(settings.Thresholds with { SupervisionDays = random.Next(30, 120) });
                break;
        }
    }

    // A pack replaces the month's matrix whole; sometimes it is only removed, so older ones stand again.
    private static async Task ReplaceTrainingMatrixAsync(VeriviusDbContext db, Random random, Guid siteId)
    {
        var period = AnyMonth(random);
        db.Training.RemoveRange(await db.Training.Where(t => t.SiteId == siteId && t.Period == period).ToListAsync());
        if (random.Next(4) == 0)
        {
            return;
        }

        foreach (var staff in Enumerable.Range(1, random.Next(2, 6)))
        {
            foreach (var course in new[] { "Moving and handling", "Safeguarding" })
            {
                var completed = random.Next(5) == 0 ? (DateOnly?)null : period.AddMonths(-random.Next(12));
                var expires = completed?.AddMonths(random.Next(6, 24));
                db.Training.Add(new TrainingRecord(siteId, period, new TrainingDetails($"S{staff}", "Care assistant", course, random.Next(6) != 0, completed, expires, null)));
            }
        }
    }

    private static async Task ReplaceSupervisionRecordAsync(VeriviusDbContext db, Random random, Guid siteId)
    {
        var period = AnyMonth(random);
        db.Supervision.RemoveRange(await db.Supervision.Where(s => s.SiteId == siteId && s.Period == period).ToListAsync());
        if (random.Next(4) == 0)
        {
            return;
        }

        foreach (var staff in Enumerable.Range(1, random.Next(2, 6)))
        {
            var type = random.Next(4) == 0 ? SupervisionType.Appraisal : SupervisionType.Supervision;
            db.Supervision.Add(new SupervisionRecord(siteId, period, new SupervisionDetails($"S{staff}", type, period.AddDays(-random.Next(200)))));
        }
    }

    // A week is the staffing record's reference, so a site has one record per week; a week moved here keeps the reference it was made with.
    private static async Task<DateOnly?> FreeWeekAsync(VeriviusDbContext db, Random random, Guid siteId)
    {
        var day = AnyDay(random);
        var reference = StaffingWeek.RefOf(day);
        var taken = db.Staffing.Local.Any(w => w.SiteId == siteId && (w.Details.WeekStarting == day || w.Ref == reference))
            || await db.Staffing.AnyAsync(w => w.SiteId == siteId && (w.Details.WeekStarting == day || w.Ref == reference));
        return taken ? null : day;
    }

    /// <summary>One of a site's records, picked by the seed alone: ordered by reference, not by identifier, which is new each run.</summary>
    private static async Task<T?> AnyAsync<T>(IQueryable<T> records, Random random)
        where T : SiteRecord
    {
        var count = await records.CountAsync();
        return count == 0 ? null : await records.OrderBy(r => r.Ref).Skip(random.Next(count)).FirstAsync();
    }
}
