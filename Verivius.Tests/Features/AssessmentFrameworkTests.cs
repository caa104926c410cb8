using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Domain.Evidence;
using Verivius.Domain.Frameworks;
using Verivius.Infrastructure.Frameworks;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Features;

/// <summary>CQC's framework is data: the shipped file loads at start-up, and a new version replaces it without a release.</summary>
public class AssessmentFrameworkTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public AssessmentFrameworkTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task TheShippedFramework_IsLoadedAtStartUp_WithTheEightStatementsSixCategoriesAndW1ToW5()
    {
        _factory.CreateClient().Dispose();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();

        // Another test loads a newer version into the same database, so the shipped one is found by its version.
        var current = await db.Frameworks.Include(f => f.Items).SingleAsync(f => f.Version == "2024-12");

        Assert.Equal(
            ["Shared direction and culture", "Capable, compassionate and inclusive leaders", "Freedom to speak up", "Workforce equality, diversity and inclusion",
             "Governance, management and sustainability", "Partnerships and communities", "Learning, improvement and innovation", "Environmental sustainability – sustainable development"],
            current.Judged.Select(s => s.Title));
        Assert.Equal(6, current.Items.Count(i => i.Kind == FrameworkItemKind.EvidenceCategory));
        Assert.Equal(["W1", "W2", "W3", "W4", "W5"], current.Items.Where(i => i.Kind == FrameworkItemKind.LineOfEnquiry).OrderBy(i => i.Position).Select(i => i.Code));

        // The challenge rule INSIGHT-OVERCONFIDENT reads the domain's default; the file documents the same one.
        Assert.All(current.Judged, s => Assert.Equal(WellLedEvidence.DefaultMapping[s.Title].Order(), RecordKindList.Read(s.RecordKinds).Order()));
    }

    [Fact]
    public async Task ANewVersion_ReplacesTheCurrentOne_AndLoadingAVersionAgainChangesNothing()
    {
        _factory.CreateClient().Dispose();
        string shipped;
        using (var reader = new StreamReader(FrameworkFile.Shipped().First()))
        {
            shipped = await reader.ReadToEndAsync();
        }

        var updated = shipped.Replace("\"version\": \"2024-12\"", "\"version\": \"2026-06\"", StringComparison.Ordinal)
            .Replace("\"title\": \"Freedom to speak up\"", "\"title\": \"Freedom to speak up and be heard\"", StringComparison.Ordinal);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();

        Assert.True(await FrameworkFile.LoadAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(updated)), CancellationToken.None));
        Assert.False(await FrameworkFile.LoadAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(shipped)), CancellationToken.None));

        var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Items).ToListAsync();
        var current = Assert.Single(frameworks, f => f.IsCurrent);
        Assert.Equal("2026-06", current.Version);
        Assert.Contains("Freedom to speak up and be heard", current.Judged.Select(s => s.Title));
        Assert.Equal(FrameworkStatus.Retired, frameworks.Single(f => f.Version == "2024-12").Status);
        Assert.Equal(FrameworkStatus.Draft, frameworks.Single(f => f.Version == "2026-03-draft").Status);
        Assert.Equal(3, frameworks.Count);
    }

    [Fact]
    public async Task The2026Draft_IsLoadedAtStartUpAsADraft_With24LinesOfEnquiryUnderTheFiveKeyQuestions()
    {
        _factory.CreateClient().Dispose();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();

        var draft = await db.Frameworks.AsNoTracking().Include(f => f.Items).SingleAsync(f => f.Version == "2026-03-draft");

        Assert.Equal(FrameworkStatus.Draft, draft.Status);
        Assert.Equal(FrameworkItemKind.LineOfEnquiry, draft.Judges);
        Assert.DoesNotContain(draft.Items, i => i.Kind is FrameworkItemKind.QualityStatement or FrameworkItemKind.EvidenceCategory);
        Assert.Equal(
            [("Safe", 7), ("Effective", 4), ("Caring", 3), ("Responsive", 4), ("Well-led", 6)],
            draft.Judged.GroupBy(i => i.KeyQuestion).Select(g => (g.Key!, g.Count())));
        Assert.Equal(
            ["Strategic direction", "Workforce equity and culture", "Capable and compassionate leaders", "Governance and management", "Partnerships and communities", "Improvement, innovation and learning"],
            draft.Judged.Where(i => i.KeyQuestion == "Well-led").Select(i => i.Title));
        var governance = draft.JudgedItemNamed("Governance and management")!;
        Assert.Contains("Data security", governance.Topics);
        Assert.Contains("notifications", governance.RequiresImprovement, StringComparison.Ordinal);
        Assert.Contains(ChallengeCodes.IncNotificationMissing, governance.BearingCodes);
        Assert.Contains(RecordKind.Training, RecordKindList.Read(draft.JudgedItemNamed("Safe staffing")!.RecordKinds));
        Assert.Contains(ChallengeCodes.IncCandourMissing, draft.JudgedItemNamed("Safety culture and learning")!.BearingCodes);
    }

    [Fact]
    public async Task TheCrosswalk_PlacesEvery2024WellLedStatement_ManyToOne_AndEnvironmentalSustainabilityNowhere()
    {
        _factory.CreateClient().Dispose();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var statements = (await db.Frameworks.AsNoTracking().Include(f => f.Items).SingleAsync(f => f.Version == "2024-12")).Judged.Select(s => s.Code).ToList();

        var links = await db.FrameworkCrosswalk.AsNoTracking().Where(l => l.FromVersion == "2024-12" && l.ToVersion == "2026-03-draft").ToDictionaryAsync(l => l.FromCode, l => l.ToCode);

        Assert.Equal(statements.Order(), links.Keys.Order());
        Assert.Equal("KW2", links["WL3"]);
        Assert.Equal("KW2", links["WL4"]);
        Assert.Null(links["WL8"]);
    }

    [Fact]
    public void AVersionWithLinesOfEnquiryAndCharacteristics_ButNoStatementsOrCategories_Loads()
    {
        const string file = """
            { "version": "kloe-only", "name": "Lines only", "status": "draft",
              "keyQuestions": [ { "name": "Well-led", "linesOfEnquiry": [
                { "code": "G1", "title": "Governance", "scopeTopics": [ "Oversight" ],
                  "characteristics": { "good": "Oversight is regular.", "requiresImprovement": "Notifications are missed." },
                  "recordKinds": [ "Audits" ], "challengeCodes": [ "INC-NOTIFICATION-LATE" ] } ] } ] }
            """;

        var read = FrameworkFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(file)));

        Assert.False(read.ComesInCurrent);
        var line = Assert.Single(read.Framework.Judged);
        Assert.Equal(("Well-led", "Governance", "Notifications are missed.", "Oversight"), (line.KeyQuestion, line.Title, line.RequiresImprovement, line.Topics.Single()));
        Assert.Null(line.Outstanding);
    }

    [Fact]
    public async Task ACrosswalkThatLeavesAnEarlierStatementOut_OrNamesAnItemThatIsNotThere_IsRefusedAndNothingLoads()
    {
        _factory.CreateClient().Dispose();
        const string file = """
            { "version": "gappy", "name": "Gappy", "status": "draft",
              "keyQuestions": [ { "name": "Well-led", "linesOfEnquiry": [ { "code": "G1", "title": "Governance" } ] } ],
              "crosswalk": { "from": "2024-12", "links": [ { "from": "WL5", "to": "G1" }, { "from": "WL99", "to": "G1" } ] } }
            """;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => FrameworkFile.LoadAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(file)), CancellationToken.None));

        Assert.Contains("the crosswalk does not say where WL1 (Shared direction and culture) of version 2024-12 goes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("the crosswalk maps WL99, which version 2024-12 does not have", refused.Message, StringComparison.Ordinal);
        Assert.False(await db.Frameworks.AnyAsync(f => f.Version == "gappy"));
        var unknownTarget = file.Replace("\"to\": \"G1\" }, { \"from\": \"WL99\"", "\"to\": \"G9\" }, { \"from\": \"WL99\"", StringComparison.Ordinal);
        Assert.Contains("the crosswalk sends WL5 to G9, which is not an item of this version", Assert.Throws<InvalidDataException>(() => FrameworkFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(unknownTarget)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithAnUnknownCategoryOrRecordKind_IsRefused_NamingEach()
    {
        const string file = """
            { "version": "bad", "name": "Broken", "evidenceCategories": [ { "code": "Vibes", "title": "Vibes" } ],
              "qualityStatements": [ { "code": "WL1", "title": "Shared direction", "recordKinds": [ "Meetings", "Gossip" ] } ] }
            """;

        var refused = Assert.Throws<InvalidDataException>(() => FrameworkFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(file))));

        Assert.Contains("evidence category \"Vibes\" is not one Verivius knows", refused.Message, StringComparison.Ordinal);
        Assert.Contains("quality statement WL1 names \"Gossip\", which is not a kind of record", refused.Message, StringComparison.Ordinal);
    }
}
