using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Domain.Challenges;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;
using Verivius.Web.SiteRecords;

namespace Verivius.Tests.Features;

/// <summary>
/// The records a challenge is about are rows of their own, so "the challenges on this record" is a
/// join on an index; challenges raised before the rows existed get them on the next start, without
/// losing the subjects their history names.
/// </summary>
public class ChallengeSubjectTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public ChallengeSubjectTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task EveryChallengeKeepsOneRowPerRecordItNames_InTheOrderItNamesThem()
    {
        var (_, site) = await TestWorlds.WithImportedPackAsync(_factory);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();

        var challenges = await OfSiteAsync(db, site);

        Assert.Contains(challenges, c => c.SubjectRefs.Count > 1);
        Assert.All(challenges, c => Assert.Equal(c.SubjectRefs, c.Records.OrderBy(r => r.Position).Select(r => new SubjectRef(r.Kind, r.Ref))));
    }

    [Fact]
    public async Task AChallengeRaisedBeforeTheRowsExisted_GetsThemAtStartUp_AndTheJoinFindsIt()
    {
        var (_, site) = await TestWorlds.WithImportedPackAsync(_factory);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var before = await OfSiteAsync(db, site);
        var expected = before.ToDictionary(c => c.Id, c => c.SubjectRefs.ToList());
        var siteId = before[0].SiteId;
        var onRecord = expected.SelectMany(c => c.Value).First();

        // As the database stood before the upgrade: the subjects only in the challenge's own column.
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM ChallengeSubjects WHERE SiteId = {siteId}");
        db.ChangeTracker.Clear();
        Assert.Equal(0, await ChallengesOnAsync(db, siteId, onRecord));

        var written = await ChallengeSubjectRows.WriteMissingAsync(db, CancellationToken.None);

        db.ChangeTracker.Clear();
        var after = await OfSiteAsync(db, site);
        Assert.True(written >= expected.Count(c => c.Value.Count > 0), $"Only {written} challenges got their rows back.");
        Assert.All(after, c => Assert.Equal(expected[c.Id], c.Records.OrderBy(r => r.Position).Select(r => new SubjectRef(r.Kind, r.Ref))));
        Assert.Equal(expected.Count(c => c.Value.Contains(onRecord)), await ChallengesOnAsync(db, siteId, onRecord));
        Assert.Equal(0, await ChallengeSubjectRows.WriteMissingAsync(db, CancellationToken.None));
    }

    /// <summary>
    /// The engine reads a register without its records and loads only those of the challenges it rewrites. A challenge closed
    /// as its condition cleared (judged months ahead) and reopened when judged as of today is rewritten: it keeps exactly one
    /// row per record it names, as every other challenge does.
    /// </summary>
    [Fact]
    public async Task AChallengeReopenedInARun_KeepsOneRowPerRecordItNames()
    {
        var (_, site) = await TestWorlds.WithImportedPackAsync(_factory);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var runner = scope.ServiceProvider.GetRequiredService<ChallengeRunner>();
        var siteId = (await OfSiteAsync(db, site))[0].SiteId;
        db.ChangeTracker.Clear();

        await runner.RunAsync([siteId], runner.Today.AddDays(90), CancellationToken.None);
        db.ChangeTracker.Clear();
        var cleared = (await OfSiteAsync(db, site)).Where(c => !c.Status.IsActive() && c.SubjectRefs.Count > 0).Select(c => c.Id).ToHashSet();
        db.ChangeTracker.Clear();
        await runner.RunAsync([siteId], runner.Today, CancellationToken.None);

        db.ChangeTracker.Clear();
        var after = await OfSiteAsync(db, site);
        Assert.Contains(after, c => cleared.Contains(c.Id) && c.Status.IsActive());
        Assert.All(after, c => Assert.Equal(c.SubjectRefs, c.Records.OrderBy(r => r.Position).Select(r => new SubjectRef(r.Kind, r.Ref))));
    }

    private static Task<List<Challenge>> OfSiteAsync(VeriviusDbContext db, string site) =>
        db.Challenges.Where(c => db.Sites.Any(s => s.Id == c.SiteId && s.Code == site)).ToListAsync();

    private static Task<int> ChallengesOnAsync(VeriviusDbContext db, Guid siteId, SubjectRef record) =>
        db.ChallengeSubjects.Where(s => s.SiteId == siteId && s.Kind == record.Kind && s.Ref == record.Ref).Select(s => s.ChallengeId).Distinct().CountAsync();
}
