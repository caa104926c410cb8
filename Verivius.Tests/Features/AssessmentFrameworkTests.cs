using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Evidence;
using Verivius.Domain.Readiness;
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
            current.Statements.Select(s => s.Title));
        Assert.Equal(6, current.Items.Count(i => i.Kind == FrameworkItemKind.EvidenceCategory));
        Assert.Equal(["W1", "W2", "W3", "W4", "W5"], current.Items.Where(i => i.Kind == FrameworkItemKind.LineOfEnquiry).OrderBy(i => i.Position).Select(i => i.Code));

        // The challenge rule INSIGHT-OVERCONFIDENT reads the domain's default; the file documents the same one.
        Assert.All(current.Statements, s => Assert.Equal(WellLedEvidence.DefaultMapping[s.Title].Order(), RecordKindList.Read(s.RecordKinds).Order()));
    }

    [Fact]
    public async Task ANewVersion_ReplacesTheCurrentOne_AndLoadingAVersionAgainChangesNothing()
    {
        _factory.CreateClient().Dispose();
        string shipped;
        using (var reader = new StreamReader(FrameworkFile.Shipped()))
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
        Assert.Contains("Freedom to speak up and be heard", current.Statements.Select(s => s.Title));
        Assert.Equal(2, frameworks.Count);
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
