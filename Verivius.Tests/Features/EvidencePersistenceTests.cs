using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Security;

namespace Verivius.Tests.Features;

public class EvidencePersistenceTests : IClassFixture<PortalFactory>
{
    private static readonly DateOnly March = new(2026, 3, 2);

    private readonly PortalFactory _factory;

    public EvidencePersistenceTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task Records_RoundTripWithTheirRelations_AndEnumerationsStoredByName()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        await using var scope = _factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().AssumeOperator();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var siteId = await db.Sites.Where(s => s.Code == world.SiteCodes[0]).Select(s => s.Id).SingleAsync();
        var action = new ImprovementAction(siteId, new ActionDetails("ACT-1", "Review falls plan", ActionSource.Incident, "INC-1", "Deputy manager", March, March.AddDays(14), ActionStatus.Open, null, null, null, AssuranceArea.Safeguarding));
        var incident = new Incident(siteId, new IncidentDetails("INC-1", March, IncidentCategory.Fall, Severity.Moderate, true, NotificationType.SeriousInjury, March.AddDays(1), true, March, true, March.AddDays(5), "ACT-1", IncidentStatus.Open, null));
        var audit = new Audit(siteId, new AuditDetails("AUD-1", "Observation of mealtimes", March, 91));
        audit.Record(audit.Details, [new AuditThemeDetails("Choice offered", ThemeResult.Met, null), new AuditThemeDetails("Records kept", ThemeResult.NotMet, AssuranceArea.Documentation)]);
        incident.Record(incident.Details, action.Id);
        db.AddRange(action, incident, audit);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var loaded = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incident.Id);
        var linked = await db.Actions.AsNoTracking().SingleAsync(a => a.Id == loaded.ActionId);
        var themes = await db.Audits.AsNoTracking().Where(a => a.Id == audit.Id).SelectMany(a => a.Themes).ToListAsync();
        var storedSeverity = await db.Database.SqlQueryRaw<string>("SELECT Details_Severity AS Value FROM Incidents WHERE Id = {0}", incident.Id).SingleAsync();

        Assert.Equal(incident.Details, loaded.Details);
        Assert.Equal("Review falls plan", linked.Details.Title);
        Assert.Equal([ThemeResult.Met, ThemeResult.NotMet], themes.Select(t => t.Details.Result).Order());
        Assert.Equal("Moderate", storedSeverity);
        var logged = await db.ChangeLog.Where(e => e.Entity == "Incidents").Select(e => e.After).SingleAsync();
        Assert.Contains("\"Details\":{", logged, StringComparison.Ordinal);
        Assert.Contains("\"Severity\":\"Moderate\"", logged, StringComparison.Ordinal);
        Assert.Equal(EvidenceCategory.Observation, audit.Category);
        Assert.Equal(EvidenceCategory.Outcomes, loaded.Category);
    }

    [Fact]
    public async Task ARefUsedTwiceForOneSite_IsRefusedByTheDatabase()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var siteId = await db.Sites.Where(s => s.Code == world.SiteCodes[0]).Select(s => s.Id).SingleAsync();
        var details = new FeedbackDetails("FB-1", March, FeedbackSource.Family, Sentiment.Negative, "Laundry", "Clothes go missing", null, null);

        db.AddRange(new FeedbackItem(siteId, details), new FeedbackItem(siteId, details));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
