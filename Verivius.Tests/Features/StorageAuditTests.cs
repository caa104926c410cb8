using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Tests.Support;

namespace Verivius.Tests.Features;

/// <summary>Files of an upload killed before it committed do not outlive it; files whose records committed are kept.</summary>
public sealed class StorageAuditTests : IClassFixture<PortalFactory>
{
    private readonly PortalFactory _factory;

    public StorageAuditTests(PortalFactory factory) => _factory = factory;

    [Fact]
    public async Task AfterAKill_PendingFilesWithoutARecordAreRemoved_AndThoseWhoseRecordCommittedAreKept()
    {
        var (_, site) = await TestWorlds.WithImportedPackAsync(_factory);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VeriviusDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<FileStore>();

        // Killed mid-upload: a file written, its transaction never committed.
        var orphan = await files.SaveAsync("%PDF-1.7 minutes"u8.ToArray(), "application/pdf", CancellationToken.None);

        // Killed just after a commit: the row names a file that was never moved into place.
        var committed = await db.PackVersions.Where(v => db.Packs.Any(p => p.Id == v.PackId && db.Sites.Any(s => s.Id == p.SiteId && s.Code == site))).Select(v => v.StoredName).SingleAsync();
        var kept = Path.Combine(_factory.StorageRoot, committed[..2], committed);
        var pending = Path.Combine(_factory.StorageRoot, "pending", committed);
        File.Move(kept, pending);
        foreach (var path in new[] { pending, Path.Combine(_factory.StorageRoot, "pending", orphan.StoredName) })
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow - StorageAudit.PendingGrace - TimeSpan.FromMinutes(1));
        }

        // A file still being written by an upload in progress is left alone.
        var inProgress = await files.SaveAsync("%PDF-1.7 in progress"u8.ToArray(), "application/pdf", CancellationToken.None);

        var settled = await StorageAudit.SettlePendingAsync(db, files, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal((1, 1), settled);
        Assert.True(File.Exists(kept));
        Assert.False(files.Exists(orphan.StoredName));
        Assert.True(files.Exists(inProgress.StoredName));
        files.Discard([inProgress.StoredName]);
        Assert.Empty((await StorageAudit.CheckAsync(db, files, CancellationToken.None)).RowsWithoutFiles);
    }
}
