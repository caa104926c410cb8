using Microsoft.EntityFrameworkCore;
using Verivius.Infrastructure.Persistence;

namespace Verivius.Infrastructure.Files;

/// <summary>
/// Compares the files on disk with the rows that name them. Run at start-up it finishes what a
/// process killed mid-upload left pending (keeps the files whose rows committed, removes the rest);
/// run by <c>verify-storage</c> it lists files no row names and rows whose file is gone.
/// </summary>
public static partial class StorageAudit
{
    /// <summary>A pending file younger than this may belong to an upload still in progress in another instance.</summary>
    public static readonly TimeSpan PendingGrace = TimeSpan.FromMinutes(30);

    /// <summary>Keeps or removes pending files older than <see cref="PendingGrace"/>; returns how many of each.</summary>
    public static async Task<(int Kept, int Removed)> SettlePendingAsync(VeriviusDbContext db, FileStore files, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var stale = files.List().Where(f => f.Pending && now.UtcDateTime - f.WrittenAtUtc > PendingGrace).Select(f => f.StoredName).ToList();
        if (stale.Count == 0)
        {
            return (0, 0);
        }

        var named = await NamedAsync(db, stale, cancellationToken);
        files.Keep(stale.Where(named.Contains));
        files.Discard(stale.Where(n => !named.Contains(n)));
        return (named.Count, stale.Count - named.Count);
    }

    /// <summary>Files no row names (less earlier versions of attachments, which the change history names), and rows whose file is missing.</summary>
    public static async Task<StorageReport> CheckAsync(VeriviusDbContext db, FileStore files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        var onDisk = files.List().ToList();
        var rows = await RowsAsync(db, cancellationToken);
        var unnamed = onDisk.Where(f => !rows.ContainsKey(f.StoredName)).ToList();
        var remembered = unnamed.Count == 0 ? [] : await ReplacedAttachmentFilesAsync(db, cancellationToken);
        var replaced = unnamed.Count(f => !f.Pending && remembered.Contains(f.StoredName));
        unnamed.RemoveAll(f => !f.Pending && remembered.Contains(f.StoredName));

        var names = onDisk.Select(f => f.StoredName).ToHashSet(StringComparer.Ordinal);
        var missing = rows.Where(r => !names.Contains(r.Key)).Select(r => $"{r.Value} (file {r.Key})").Order(StringComparer.Ordinal).ToList();
        return new StorageReport(onDisk.Count, unnamed.Select(f => f.StoredName).Order(StringComparer.Ordinal).ToList(), missing, replaced);
    }

    /// <summary>Files that attachments held before they were replaced, as the change history remembers them: one pass over the log.</summary>
    private static async Task<HashSet<string>> ReplacedAttachmentFilesAsync(VeriviusDbContext db, CancellationToken cancellationToken)
    {
        var table = db.Model.FindEntityType(typeof(Domain.Evidence.EvidenceAttachment))!.GetTableName();
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var before in db.ChangeLog.AsNoTracking().Where(e => e.Entity == table && e.Before != null).Select(e => e.Before!).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            foreach (System.Text.RegularExpressions.Match match in StoredNameInSnapshot().Matches(before))
            {
                names.Add(match.Groups[1].Value);
            }
        }

        return names;
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"StoredName\":\"([0-9a-f]{32})\"")]
    private static partial System.Text.RegularExpressions.Regex StoredNameInSnapshot();

    private static async Task<HashSet<string>> NamedAsync(VeriviusDbContext db, List<string> names, CancellationToken cancellationToken)
    {
        var named = await db.PackVersions.Where(v => names.Contains(v.StoredName)).Select(v => v.StoredName)
            .Concat(db.Attachments.Where(a => names.Contains(a.File.StoredName)).Select(a => a.File.StoredName))
            .Concat(db.Documents.Where(d => d.StoredName != null && names.Contains(d.StoredName)).Select(d => d.StoredName!))
            .Concat(db.Documents.Where(d => d.DraftStoredName != null && names.Contains(d.DraftStoredName)).Select(d => d.DraftStoredName!))
            .Concat(db.Documents.Where(d => d.ContentStoredName != null && names.Contains(d.ContentStoredName)).Select(d => d.ContentStoredName!))
            .Concat(db.Documents.Where(d => d.PdfStoredName != null && names.Contains(d.PdfStoredName)).Select(d => d.PdfStoredName!))
            .ToListAsync(cancellationToken);
        return named.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every stored name a row holds, with what the row is, in words an operator can act on.</summary>
    private static async Task<Dictionary<string, string>> RowsAsync(VeriviusDbContext db, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in await db.PackVersions.Select(v => new { v.StoredName, v.FileName, v.Number }).ToListAsync(cancellationToken))
        {
            rows[v.StoredName] = $"pack workbook {v.FileName}, version {v.Number}";
        }

        foreach (var a in await db.Attachments.Select(a => new { a.File.StoredName, a.Ref }).ToListAsync(cancellationToken))
        {
            rows[a.StoredName] = $"attachment {a.Ref}";
        }

        foreach (var d in await db.Documents.Where(d => d.StoredName != null).Select(d => new { d.StoredName, d.DraftStoredName, d.ContentStoredName, d.PdfStoredName, d.Title, d.Revision }).ToListAsync(cancellationToken))
        {
            rows[d.StoredName!] = $"document \"{d.Title}\", revision {d.Revision}";
            if (d.DraftStoredName is { } draft)
            {
                rows[draft] = $"the draft of document \"{d.Title}\", revision {d.Revision}";
            }

            if (d.PdfStoredName is { } pdf)
            {
                rows[pdf] = $"the PDF of document \"{d.Title}\", revision {d.Revision}";
            }

            if (d.ContentStoredName is { } content)
            {
                rows[content] = $"the kept content of document \"{d.Title}\", revision {d.Revision}";
            }
        }

        return rows;
    }
}

/// <param name="FilesOnDisk">How many stored files there are.</param>
/// <param name="FilesWithoutRows">Files no row names and no change-history entry remembers.</param>
/// <param name="RowsWithoutFiles">Rows whose file is not on disk, each described.</param>
/// <param name="EarlierAttachmentVersions">Files of attachments since replaced, kept because the change history names them.</param>
public sealed record StorageReport(int FilesOnDisk, IReadOnlyList<string> FilesWithoutRows, IReadOnlyList<string> RowsWithoutFiles, int EarlierAttachmentVersions)
{
    public bool IsWhole => FilesWithoutRows.Count == 0 && RowsWithoutFiles.Count == 0;
}
