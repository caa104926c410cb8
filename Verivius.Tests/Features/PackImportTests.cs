using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Evidence;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.Common;
using Verivius.Web.Features.Packs;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Tests.Features;

public class PackImportTests : IClassFixture<PortalFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();

    private readonly PortalFactory _factory;

    public PackImportTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task AValidPack_ImportsEveryRecord_WithItsReferencesAsRelations()
    {
        var (world, site) = await SiteAsync();

        var result = await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site));

        Assert.Equal(PackImportStatus.Imported, result.Status);
        Assert.Equal(1, result.Version);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var siteId = await db.Sites.Where(s => s.Code == site).Select(s => s.Id).SingleAsync();
        var action = await db.Actions.SingleAsync(a => a.SiteId == siteId);
        var incident = await db.Incidents.SingleAsync(i => i.SiteId == siteId);
        var decision = await db.Decisions.SingleAsync(d => d.SiteId == siteId);
        var risk = await db.RecoveryRisks.SingleAsync(r => r.SiteId == siteId);
        var statement = await db.AssuranceStatements.SingleAsync(a => a.SiteId == siteId);
        var audit = await db.Audits.Include(a => a.Themes).SingleAsync(a => a.SiteId == siteId);
        var statementEvidence = await db.EvidenceLinks.Where(l => l.OwnerId == statement.Id).SingleAsync();

        Assert.Equal(action.Id, incident.ActionId);
        Assert.Equal(action.Id, decision.ActionId);
        Assert.Equal(action.Id, risk.CurrentActionId);
        Assert.Equal(new RecordLink(RecordKind.Incidents, incident.Id), action.SourceRecord);
        Assert.Equal((RecordKind.Audits, audit.Id), (statementEvidence.EvidenceKind, statementEvidence.EvidenceId));
        Assert.Equal(new DateOnly(2026, 10, 6), decision.MadeOn);
        Assert.Equal(2, audit.Themes.Count);
        Assert.Equal(1, await db.Training.CountAsync(t => t.SiteId == siteId));
        Assert.All(new SiteRecord[] { action, incident, decision, risk, statement, audit }, r => Assert.NotNull(r.PackVersionId));
    }

    [Fact]
    public async Task OneBadCell_ImportsNothingAtAll()
    {
        var (world, site) = await SiteAsync();
        var before = await CountsAsync(site);

        var result = await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site).Set("Incidents", 2, "Severity", "Sever"), new PackFile("minutes.pdf", Pdf));

        Assert.Equal(PackImportStatus.Refused, result.Status);
        Assert.Single(result.Errors);
        Assert.Equal(before, await CountsAsync(site));
    }

    [Fact]
    public async Task AReferenceToNothing_IsNamedByCell_AndNothingIsImported()
    {
        var (world, site) = await SiteAsync();
        var pack = new PackWorkbook(site).Set("Decisions", 2, "ActionRef", "ACT-9").Set("Meetings", 2, "MinutesRef", "minutes-october.pdf");

        var result = await ImportAsync(world.RegisteredManager, site, pack);

        Assert.Equal(
            [
                $"Meetings!{pack.Cell("Meetings", "MinutesRef", 2)}: \"minutes-october.pdf\" is not an attachment of this workbook or of an earlier pack for this site",
                $"Decisions!{pack.Cell("Decisions", "ActionRef", 2)}: \"ACT-9\" is not an ActionRef of this workbook or of an earlier pack for this site",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(0, (await CountsAsync(site)).Actions);
    }

    [Fact]
    public async Task TheSameWorkbookTwice_ChangesNothingTheSecondTime()
    {
        var (world, site) = await SiteAsync();
        var bytes = new PackWorkbook(site).Build();
        await ImportAsync(world.RegisteredManager, site, bytes);
        var afterFirst = await CountsAsync(site);

        var second = await ImportAsync(world.RegisteredManager, site, bytes);

        Assert.Equal(PackImportStatus.Unchanged, second.Status);
        Assert.Equal(1, second.Version);
        Assert.Equal(afterFirst, await CountsAsync(site));
    }

    [Fact]
    public async Task ANewWorkbookForTheMonth_IsVersionTwo_AndUpdatesRecordsByReference()
    {
        var (world, site) = await SiteAsync();
        await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site));

        var second = await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site).Set("Actions", 2, "Status", "Closed").Set("Actions", 2, "ClosedOn", "2026-10-20").Set("Actions", 2, "Outcome", "Plans refreshed"));

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var siteId = await db.Sites.Where(s => s.Code == site).Select(s => s.Id).SingleAsync();
        var versions = await db.PackVersions.Where(v => db.Packs.Any(p => p.Id == v.PackId && p.SiteId == siteId)).OrderBy(v => v.Number).ToListAsync();
        var action = await db.Actions.SingleAsync(a => a.SiteId == siteId);

        Assert.Equal(2, second.Version);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(ActionStatus.Closed, action.Details.Status);
        Assert.Equal(versions[1].Id, action.PackVersionId);
        Assert.NotEqual(versions[1].Id, (await db.Incidents.SingleAsync(i => i.SiteId == siteId)).PackVersionId);
    }

    [Fact]
    public async Task TheTrainingMatrix_IsReplacedForItsMonth_AndOtherMonthsAreKept()
    {
        var (world, site) = await SiteAsync();
        await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site, "2026-09")
            .Row("Training", ("StaffRef", "ST-02"), ("Role", "Nurse"), ("Course", "Medication"), ("Mandatory", "Y"), ("CompletedOn", "2026-01-10")));
        await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site, "2026-10")
            .Row("Training", ("StaffRef", "ST-02"), ("Role", "Nurse"), ("Course", "Medication"), ("Mandatory", "Y"), ("CompletedOn", "2026-01-10")));

        await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site, "2026-10").Set("Training", 2, "Course", "Fire safety"));

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var siteId = await db.Sites.Where(s => s.Code == site).Select(s => s.Id).SingleAsync();
        var byMonth = await db.Training.Where(t => t.SiteId == siteId).GroupBy(t => t.Period).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var october = await db.Training.Where(t => t.SiteId == siteId && t.Period == new DateOnly(2026, 10, 1)).Select(t => t.Details.Course).SingleAsync();

        Assert.Equal(2, byMonth.Single(m => m.Key == new DateOnly(2026, 9, 1)).Count);
        Assert.Equal(1, byMonth.Single(m => m.Key == new DateOnly(2026, 10, 1)).Count);
        Assert.Equal("Fire safety", october);
    }

    /// <summary>
    /// The registered manager's story: a second version of the month with the Training sheet left as
    /// headers, rather than re-keying the matrix, must not read as "every course gone".
    /// </summary>
    [Fact]
    public async Task ASecondVersionWithAHeaderOnlyTrainingSheet_KeepsTheMonthsMatrix_SaysSo_AndMovesNoChallengeOrTrail()
    {
        var (world, site) = await SiteAsync();
        var first = await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site, "2026-10")
            .Row("Training", ("StaffRef", "ST-02"), ("Role", "Nurse"), ("Course", "Fire safety"), ("Mandatory", "Y"), ("CompletedOn", "2025-06-01"), ("ExpiresOn", "2026-06-01")));
        var before = await MonthAsync(site, new DateOnly(2026, 10, 1));

        var second = await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site, "2026-10").Clear("Training").Set("Complaints", 2, "Theme", "Laundry and labels"));
        var after = await MonthAsync(site, new DateOnly(2026, 10, 1));

        Assert.Equal((PackImportStatus.Imported, 1), (first.Status, first.Version));
        Assert.Equal((PackImportStatus.Imported, 2), (second.Status, second.Version));
        Assert.Contains(second.Warnings, w => w.Sheet == "Training" && w.Message.StartsWith("the sheet has its header but no rows, so it was read as not sent", StringComparison.Ordinal));
        Assert.Equal(2, before.Matrix.Count);
        Assert.Equal(before.Matrix, after.Matrix);
        Assert.Contains(before.Challenges, c => c.StartsWith("TRN-OVERDUE-NO-PLAN", StringComparison.Ordinal) && c.EndsWith(":Open", StringComparison.Ordinal));
        Assert.Equal(before.Challenges, after.Challenges);
        Assert.Equal(before.Trail, after.Trail);
    }

    [Fact]
    public async Task ALaterPack_MayPointToRecordsOfAnEarlierOne()
    {
        var (world, site) = await SiteAsync();
        await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site, "2026-09"));
        var november = new PackWorkbook(site, "2026-10").Without("Actions").Without("Decisions").Without("Recovery").Without("Inspection")
            .Set("Incidents", 2, "IncidentRef", "INC-2");

        var result = await ImportAsync(world.RegisteredManager, site, november);

        Assert.Equal(PackImportStatus.Imported, result.Status);
    }

    [Fact]
    public async Task ADecisionOfAMeetingFromAnEarlierPack_TakesThatMeetingsDate()
    {
        var (world, site) = await SiteAsync();
        await ImportAsync(world.RegisteredManager, site, new PackWorkbook(site, "2026-09"));
        var october = new PackWorkbook(site, "2026-10").Without("Meetings").Clear("Decisions")
            .Row("Decisions", ("MeetingRef", "MTG-1"), ("DecisionRef", "DEC-2"), ("Decision", "Check call bells nightly"));

        var result = await ImportAsync(world.RegisteredManager, site, october);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var decision = await db.Decisions.SingleAsync(d => d.Ref == "DEC-2" && db.Sites.Any(s => s.Id == d.SiteId && s.Code == site));
        var meeting = await db.Meetings.SingleAsync(m => m.Id == decision.MeetingId);
        Assert.Equal(PackImportStatus.Imported, result.Status);
        Assert.Equal("MTG-1", meeting.Ref);
        Assert.Equal(new DateOnly(2026, 10, 6), decision.MadeOn);
    }

    [Fact]
    public async Task Attachments_AreCheckedByContent_AndMinutesResolveToThem()
    {
        var (world, site) = await SiteAsync();
        var pack = new PackWorkbook(site).Set("Meetings", 2, "MinutesRef", "minutes-october.pdf");

        var disguised = await ImportAsync(world.RegisteredManager, site, pack, new PackFile("minutes-october.pdf", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }));
        var real = await ImportAsync(world.RegisteredManager, site, pack, new PackFile("minutes-october.pdf", Pdf));

        Assert.Equal(["Attachments: minutes-october.pdf is named as PDF but its content is a different kind of file; check it is the right file"], disguised.Errors.Select(e => e.ToString()));
        Assert.Equal(PackImportStatus.Imported, real.Status);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var meeting = await db.Meetings.SingleAsync(m => db.Sites.Any(s => s.Id == m.SiteId && s.Code == site));
        var minutes = await db.Attachments.SingleAsync(a => a.Id == meeting.MinutesAttachmentId);
        Assert.Equal("application/pdf", minutes.File.ContentType);
        Assert.Equal(Pdf.Length, minutes.File.SizeBytes);
    }

    [Fact]
    public async Task AWorkbookForAnotherSite_IsRefused()
    {
        var (world, site) = await SiteAsync();

        var result = await ImportAsync(world.RegisteredManager, site, new PackWorkbook("1-999999999"));

        Assert.Contains("the workbook is for site 1-999999999", result.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManager_CannotImportForASiteTheyDoNotManage()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 2);

        await Assert.ThrowsAsync<NotFoundException>(() => ImportAsync(world.RegisteredManager, world.SiteCodes[1], new PackWorkbook(world.SiteCodes[1])));
        await Assert.ThrowsAsync<NotFoundException>(() => ImportAsync(world.Commissioner, world.SiteCodes[0], new PackWorkbook(world.SiteCodes[0])));
    }

    private async Task<(ProviderWorld World, string Site)> SiteAsync()
    {
        var world = await TestWorlds.CreateAsync(_factory, sites: 1);
        return (world, world.SiteCodes[0]);
    }

    private Task<PackImportResult> ImportAsync(string email, string site, PackWorkbook pack, params PackFile[] attachments) =>
        ImportAsync(email, site, pack.Build(), attachments);

    private Task<PackImportResult> ImportAsync(string email, string site, byte[] workbook, params PackFile[] attachments) =>
        TestWorlds.ImportPackAsync(_factory, email, site, workbook, attachments);

    /// <summary>A site-month as a board would see it: the training matrix, the challenge register and the trail audit's figures.</summary>
    private async Task<(List<string> Matrix, List<string> Challenges, (int Chains, int Complete, int Gaps) Trail)> MonthAsync(string site, DateOnly month)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var found = await db.Sites.Where(s => s.Code == site).Select(s => new { s.Id, s.ProviderId }).SingleAsync();
        var matrix = (await db.Training.Where(t => t.SiteId == found.Id && t.Period == month).Select(t => t.Details).ToListAsync())
            .Select(d => $"{d.StaffRef} {d.Course} {d.CompletedOn} {d.ExpiresOn} {d.PlannedOn}").Order().ToList();
        var challenges = (await db.Challenges.Where(c => c.SiteId == found.Id).Select(c => new { c.Code, c.Key, c.Status }).ToListAsync())
            .Select(c => $"{c.Code}:{c.Key}:{c.Status}").Order().ToList();
        var audit = (await scope.ServiceProvider.GetRequiredService<Verivius.Web.Features.Trail.TrailAuditor>().AuditAsync([found.Id], found.ProviderId, month, CancellationToken.None))[found.Id];
        return (matrix, challenges, (audit.Chains.Count, audit.Complete, audit.GapCount));
    }

    private async Task<(int Actions, int Incidents, int Audits, int Training, int Versions, int Log)> CountsAsync(string site)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var siteId = await db.Sites.Where(s => s.Code == site).Select(s => s.Id).SingleAsync();
        return (
            await db.Actions.CountAsync(a => a.SiteId == siteId),
            await db.Incidents.CountAsync(i => i.SiteId == siteId),
            await db.Audits.CountAsync(a => a.SiteId == siteId),
            await db.Training.CountAsync(t => t.SiteId == siteId),
            await db.PackVersions.CountAsync(v => db.Packs.Any(p => p.Id == v.PackId && p.SiteId == siteId)),
            await db.ChangeLog.CountAsync());
    }
}

public class RecordIndexCoverageTests
{
    [Fact]
    public void EveryKindOfSiteRecordInTheModel_IsIndexedForImport()
    {
        using var db = new Verivius.Infrastructure.Persistence.SqliteVeriviusDbContext(
            new DbContextOptionsBuilder<Verivius.Infrastructure.Persistence.SqliteVeriviusDbContext>().UseSqlite("Data Source=:memory:").Options);

        var siteRecords = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => t.IsSubclassOf(typeof(SiteRecord)));

        Assert.Equal(siteRecords.OrderBy(t => t.Name), RecordCatalogue.SiteRecords.Select(k => k.RecordType).OrderBy(t => t.Name));
    }
}
