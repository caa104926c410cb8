using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Verivius.Domain.Common;
using Verivius.Domain.Evidence;
using Verivius.Domain.Packs;
using Verivius.Domain.Packs.Reading;
using Verivius.Infrastructure.Files;
using Verivius.Infrastructure.Persistence;
using Verivius.Infrastructure.Workbooks;
using Verivius.Web.Documents;
using Verivius.Web.Security;
using Verivius.Web.SiteRecords;

namespace Verivius.Web.Features.Packs;

/// <summary>
/// Imports a monthly pack for a site: the workbook and its attachments are checked whole, every
/// problem is reported at once, and only a pack with no error is written, in one transaction, as a
/// new version of its month. A workbook that changes nothing the site holds (the same one again, or a
/// pre-filled template sent back as it was) stores nothing. A preview says what a pack would change,
/// and the challenges that would open or close, without keeping any of it.
/// </summary>
/// <param name="SiteCode">The site uploaded to; null (from the command line) takes the workbook's own SiteCode.</param>
/// <param name="CheckChallenges">
/// Whether to run the challenge engine for the site after the import; a bulk load of many months turns it
/// off and runs the engine once at the end, so the register is not filled with the gaps of half a history.
/// </param>
/// <param name="ConfirmsVersion">
/// The version a person saw the preview against (0 when the month had none). If another has arrived since, the pack is previewed again
/// rather than imported, since what they agreed to is no longer what it would change.
/// </param>
/// <param name="AllowRemovals">Whether a snapshot row the month holds may go; when not, such a pack is refused, with its preview.</param>
/// <param name="CheckInBackground">
/// Whether the engine's check after the import is queued (<see cref="ChecksAfterImport"/>) rather than waited for:
/// the web upload answers at once and its packs page shows the check when it lands.
/// </param>
public sealed record ImportPackCommand(
    string? SiteCode,
    PackFile Workbook,
    IReadOnlyList<PackFile> Attachments,
    bool CheckChallenges = true,
    PackImportMode Mode = PackImportMode.Import,
    int? ConfirmsVersion = null,
    bool AllowRemovals = true,
    bool CheckInBackground = false) : ICommand<PackImportResult>;

public enum PackImportMode
{
    /// <summary>Writes the pack: the command line, a confirmed preview, the bulk loads.</summary>
    Import,

    /// <summary>Writes nothing; says what the pack would change.</summary>
    DryRun,

    /// <summary>The web upload: a month's first version is imported, and a new version is previewed until it is confirmed.</summary>
    PreviewNewVersion,
}

/// <summary>An uploaded file: the name it was sent with and its bytes.</summary>
public sealed record PackFile(string FileName, byte[] Content)
{
    /// <summary>A file as a form posted it, named without any folder the browser or care system sent.</summary>
    public static async Task<PackFile> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return new PackFile(Path.GetFileName(file.FileName), buffer.ToArray());
    }

    /// <summary>The files a form posted, leaving out any sent empty (a file input left blank).</summary>
    public static async Task<List<PackFile>> ReadAllAsync(IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        var read = new List<PackFile>();
        foreach (var file in files.Where(f => f.Length > 0))
        {
            read.Add(await ReadAsync(file, cancellationToken));
        }

        return read;
    }
}

/// <param name="Version">The version imported, matched, or (previewed) that the month has now.</param>
/// <param name="Challenges">What the challenge engine, run for the site after the import, changed; null if it did not run (or runs in the background).</param>
/// <param name="Preview">What a previewed pack, or one refused for its removals, would change.</param>
public sealed record PackImportResult(
    PackImportStatus Status,
    string? Period,
    int? Version,
    IReadOnlyList<PackIssue> Errors,
    IReadOnlyList<PackIssue> Warnings,
    IReadOnlyDictionary<string, int> RowCounts,
    ChallengeRunSummary? Challenges = null,
    PackPreview? Preview = null);

/// <summary>What a pack would change in the site's records, and the challenges the engine would then open and close.</summary>
/// <param name="NewVersion">The version number the pack would be imported as.</param>
public sealed record PackPreview(int NewVersion, PackChanges Changes, IReadOnlyList<ChallengeMove> Challenges)
{
    public IEnumerable<ChallengeMove> Opening => Challenges.Where(c => c.Opens);

    public IEnumerable<ChallengeMove> Closing => Challenges.Where(c => !c.Opens);
}

public enum PackImportStatus
{
    Imported,
    Unchanged,
    Refused,

    /// <summary>Another upload for the same month committed first; nothing of this one was written.</summary>
    Conflict,

    /// <summary>Nothing was written: the preview says what importing the pack would change.</summary>
    Previewed,
}

internal sealed class ImportPackHandler : ICommandHandler<ImportPackCommand, PackImportResult>
{
    /// <summary>Documented on the upload page: per attachment, and for all the attachments of one upload.</summary>
    public const long MaxAttachmentBytes = 20L * 1024 * 1024;
    public const long MaxAttachmentsBytes = 60L * 1024 * 1024;

    private readonly VeriviusDbContext _db;
    private readonly SiteAccess _access;
    private readonly FileStore _files;
    private readonly CurrentActor _actor;
    private readonly TimeProvider _clock;
    private readonly ChallengeRunner _challenges;
    private readonly ChecksAfterImport _checks;
    private readonly ILogger<ImportPackHandler> _log;

    public ImportPackHandler(
        VeriviusDbContext db, SiteAccess access, FileStore files, CurrentActor actor, TimeProvider clock, ChallengeRunner challenges, ChecksAfterImport checks, ILogger<ImportPackHandler> log)
    {
        _checks = checks;
        _db = db;
        _access = access;
        _files = files;
        _actor = actor;
        _clock = clock;
        _challenges = challenges;
        _log = log;
    }

    public async ValueTask<PackImportResult> Handle(ImportPackCommand command, CancellationToken cancellationToken)
    {
        // A named site is checked before any work, so a stranger's site answers "not found" at once.
        Domain.Access.SiteRef? site = command.SiteCode is null ? null : await _access.ChangeableSiteAsync(command.SiteCode, cancellationToken);
        var now = _clock.GetUtcNow();
        var errors = AttachmentProblems(command.Attachments);
        if (Read(command.Workbook, DateOnly.FromDateTime(now.UtcDateTime), errors) is not { } read)
        {
            return Refused(errors, []);
        }

        errors.AddRange(read.Errors);
        if (read.Content is { } readContent && command.SiteCode is not null && !string.Equals(readContent.SiteCode, command.SiteCode.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new PackIssue("Pack", null, $"the workbook is for site {readContent.SiteCode}, but it is being uploaded to site {command.SiteCode.Trim()}; check you chose the right site and file"));
        }

        if (errors.Count > 0 || read.Content is not { } content)
        {
            return Refused(errors, read.Warnings);
        }

        site ??= await _access.ChangeableSiteAsync(content.SiteCode, cancellationToken);

        var sha256 = FileStore.Sha256Of(command.Workbook.Content);
        var pack = await _db.Packs.Include(p => p.Versions).SingleOrDefaultAsync(p => p.SiteId == site.Value.SiteId && p.Period == content.Period.FirstDay, cancellationToken);
        if (pack is not null && pack.IsLatest(sha256) && await AttachmentsAlreadyHeldAsync(site.Value.SiteId, command.Attachments, cancellationToken))
        {
            return new PackImportResult(PackImportStatus.Unchanged, content.Period.ToString(), pack.Latest!.Number, [], read.Warnings, content.RowCounts);
        }

        // Thousands of new records are tracked while the rest of the pack is matched; detecting changes
        // on every query would scan them all each time. Changes are detected once, before saving.
        _db.ChangeTracker.AutoDetectChangesEnabled = false;
        var index = await RecordIndex.LoadAsync(_db, site.Value.SiteId, errors, cancellationToken);
        foreach (var attachment in command.Attachments)
        {
            index.Add(RecordKind.Attachment, attachment.FileName, index.Find(RecordKind.Attachment, attachment.FileName) ?? Guid.NewGuid());
        }

        var changes = await new PackRecords(_db, site.Value.SiteId, index).ApplyAsync(content, content.Period, cancellationToken);
        if (errors.Count > 0)
        {
            _db.ChangeTracker.Clear();
            return Refused(errors, read.Warnings);
        }

        var latest = pack?.Latest?.Number;
        if (latest is not null && changes.ChangesNothing && await AttachmentsAlreadyHeldAsync(site.Value.SiteId, command.Attachments, cancellationToken))
        {
            _db.ChangeTracker.Clear();
            return new PackImportResult(PackImportStatus.Unchanged, content.Period.ToString(), latest, [], read.Warnings, content.RowCounts);
        }

        var overtaken = command.ConfirmsVersion is { } confirmed && confirmed != (latest ?? 0);
        if (command.Mode == PackImportMode.DryRun || (command.Mode == PackImportMode.PreviewNewVersion && latest is not null) || overtaken
            || (!command.AllowRemovals && changes.RemovesRows))
        {
            var warnings = overtaken
                ? [.. read.Warnings, new PackIssue("Pack", null, $"version {latest} of {content.Period.FirstDay.ToBritishMonth()} arrived after the preview you confirmed; this is what your upload would change now")]
                : read.Warnings;
            return await PreviewAsync(command, site.Value.SiteId, pack, content, sha256, index, changes, now, warnings, cancellationToken);
        }

        var result = await SaveVersionAsync(command, site.Value.SiteId, pack, content, sha256, index, now, read.Warnings, cancellationToken);
        return result.Status == PackImportStatus.Imported && command.CheckChallenges && !command.CheckInBackground
            ? result with { Challenges = await ChallengeAsync(site.Value.SiteId, cancellationToken) }
            : result;
    }

    /// <summary>The workbook read whole; null, with the reason added to <paramref name="errors"/>, when it is not a workbook that can be read at all.</summary>
    private static PackReadResult? Read(PackFile workbookFile, DateOnly today, List<PackIssue> errors)
    {
        try
        {
            using var workbook = XlsxWorkbook.Open(new MemoryStream(workbookFile.Content, writable: false));
            return PackReader.Read(workbook, today);
        }
        catch (UnreadableWorkbookException unreadable)
        {
            errors.Insert(0, new PackIssue(workbookFile.FileName, null, unreadable.Message));
            return null;
        }
    }

    /// <summary>
    /// Writes the matched records, the workbook and its attachments as the month's next version in one
    /// transaction. Files written for a transaction that fails are discarded with it; an upload that
    /// lost a race for the month is told which version won.
    /// </summary>
    private async Task<PackImportResult> SaveVersionAsync(
        ImportPackCommand command, Guid siteId, MonthlyPack? pack, PackContent content, string sha256, RecordIndex index, DateTimeOffset now, IReadOnlyList<PackIssue> warnings,
        CancellationToken cancellationToken)
    {
        var written = new List<string>();
        var number = (pack?.Latest?.Number ?? 0) + 1;
        Guid? checkAfter = null;
        try
        {
            await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
            var stored = await _files.SaveAsync(command.Workbook.Content, FileSignatures.Xlsx, cancellationToken);
            written.Add(stored.StoredName);
            written.AddRange(await StoreAttachmentsAsync(siteId, command.Attachments, index, now, cancellationToken));
            var version = await AddVersionAsync(pack, siteId, command.Workbook, content, stored.StoredName, sha256, now, cancellationToken);
            if (command.CheckChallenges && command.CheckInBackground)
            {
                version.AwaitChallengeCheck();
                checkAfter = version.Id;
            }

            await _db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception failure)
        {
            // The database rolled back; the files written for it must not outlive it.
            _files.Discard(written);
            if (failure is DbUpdateException && await LatestVersionAsync(siteId, content.Period, cancellationToken) is { } theirs && theirs >= number)
            {
                var month = content.Period.FirstDay.ToBritishMonth();
                return new PackImportResult(
                    PackImportStatus.Conflict, content.Period.ToString(), theirs,
                    [new PackIssue("Pack", null, $"another upload for {month} finished a moment ago as version {theirs}; upload again to make version {theirs + 1}")],
                    warnings, new Dictionary<string, int>());
            }

            throw;
        }

        _files.Keep(written);
        if (checkAfter is { } versionId)
        {
            await _checks.QueueAsync(versionId, cancellationToken);
        }

        return new PackImportResult(PackImportStatus.Imported, content.Period.ToString(), number, [], warnings, content.RowCounts);
    }

    /// <summary>
    /// Saves the pack as it would be imported, runs the challenge engine on it, and rolls all of it back:
    /// the challenges it names are the ones the import would open and close, judged by the same engine.
    /// No file is written. A pack whose removals are not allowed comes back refused, with this preview.
    /// </summary>
    private async Task<PackImportResult> PreviewAsync(
        ImportPackCommand command, Guid siteId, MonthlyPack? pack, PackContent content, string sha256, RecordIndex index, PackChanges changes, DateTimeOffset now, IReadOnlyList<PackIssue> warnings,
        CancellationToken cancellationToken)
    {
        if (command.CheckChallenges)
        {
            await ChecksAfterImport.AwaitWaitingAsync(_db, siteId, cancellationToken);
        }

        var challenges = new List<ChallengeMove>();
        var newVersion = (pack?.Latest?.Number ?? 0) + 1;
        var written = new List<string>();
        try
        {
            await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);

            // Attachments are added as records too, since rows may name them; their files go with the rollback.
            written.AddRange(await StoreAttachmentsAsync(siteId, command.Attachments, index, now, cancellationToken));
            await AddVersionAsync(pack, siteId, command.Workbook, content, "not stored: previewed", sha256, now, cancellationToken);
            await _db.SaveChangesAsync(cancellationToken);
            if (command.CheckChallenges)
            {
                _db.ChangeTracker.Clear();
                challenges.AddRange((await _challenges.RunAsync([siteId], _challenges.Today, cancellationToken)).Moves);
            }

            await transaction.RollbackAsync(cancellationToken);
        }
        finally
        {
            _files.Discard(written);
            _db.ChangeTracker.Clear();
        }

        var preview = new PackPreview(newVersion, changes, challenges);
        var refused = !command.AllowRemovals && changes.RemovesRows && command.Mode != PackImportMode.DryRun;
        IReadOnlyList<PackIssue> errors = refused
            ? [.. changes.Sheets.Where(s => s.Removed.Count > 0).Select(s => new PackIssue(s.Sheet, null, $"this version would remove {DocumentWords.Count(s.Removed.Count, "row")} that {content.Period.FirstDay.ToBritishMonth()} holds: {string.Join("; ", s.Removed)}"))]
            : [];
        return new PackImportResult(
            refused ? PackImportStatus.Refused : PackImportStatus.Previewed, content.Period.ToString(), newVersion > 1 ? newVersion - 1 : null, errors, warnings, content.RowCounts, Preview: preview);
    }

    /// <summary>The month's next version, adding the month's pack if this is its first; a month before the site's reporting month becomes it.</summary>
    private async Task<PackVersion> AddVersionAsync(MonthlyPack? pack, Guid siteId, PackFile workbook, PackContent content, string storedName, string sha256, DateTimeOffset now, CancellationToken cancellationToken)
    {
        (await _db.Sites.SingleAsync(s => s.Id == siteId, cancellationToken)).PackReceivedFor(content.Period.FirstDay);
        if (pack is null)
        {
            pack = new MonthlyPack(siteId, content.Period);
            _db.Packs.Add(pack);
        }

        var version = pack.AddVersion(workbook.FileName, storedName, workbook.Content.Length, sha256, _actor.ActorName, now, JsonSerializer.Serialize(content.RowCounts));
        _db.Add(version);
        MarkWrittenBy(version.Id);
        return version;
    }

    /// <summary>
    /// Runs the challenge engine on the site's new records. The pack is already safely imported, so a
    /// failure here is logged and left to the nightly run rather than reported as a failed upload.
    /// </summary>
    private async Task<ChallengeRunSummary?> ChallengeAsync(Guid siteId, CancellationToken cancellationToken)
    {
        _db.ChangeTracker.Clear();
        _db.ChangeTracker.AutoDetectChangesEnabled = true;
        try
        {
            return await _challenges.RunAsync([siteId], _challenges.Today, cancellationToken);
        }
        catch (DbUpdateException failed)
        {
            _log.LogError(failed, "The challenge engine failed after importing a pack for site {SiteId}; the nightly run will try again.", siteId);
            return null;
        }
    }

    /// <summary>The newest version of a site's month as the database holds it now, outside this handler's tracked changes.</summary>
    private async Task<int?> LatestVersionAsync(Guid siteId, PackPeriod period, CancellationToken cancellationToken)
    {
        _db.ChangeTracker.Clear();
        return await _db.PackVersions.AsNoTracking()
            .Where(v => _db.Packs.Any(p => p.Id == v.PackId && p.SiteId == siteId && p.Period == period.FirstDay))
            .MaxAsync(v => (int?)v.Number, cancellationToken);
    }

    private static PackImportResult Refused(List<PackIssue> errors, IReadOnlyList<PackIssue> warnings) =>
        new(PackImportStatus.Refused, null, null, errors, warnings, new Dictionary<string, int>());

    private static List<PackIssue> AttachmentProblems(IReadOnlyList<PackFile> attachments)
    {
        var problems = new List<PackIssue>();
        foreach (var repeated in attachments.GroupBy(a => a.FileName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new PackIssue("Attachments", null, $"{repeated.Key} is attached more than once; attach each file once"));
        }

        foreach (var attachment in attachments)
        {
            var problem = attachment.Content.Length > MaxAttachmentBytes
                ? $"{attachment.FileName} is {attachment.Content.Length / (1024 * 1024)} MB; an attachment may be at most {MaxAttachmentBytes / (1024 * 1024)} MB"
                : FileSignatures.Problem(attachment.FileName, attachment.Content);
            if (problem is not null)
            {
                problems.Add(new PackIssue("Attachments", null, problem));
            }
        }

        if (attachments.Sum(a => (long)a.Content.Length) > MaxAttachmentsBytes)
        {
            problems.Add(new PackIssue("Attachments", null, $"the attachments add up to more than {MaxAttachmentsBytes / (1024 * 1024)} MB; send the largest ones with next month's pack"));
        }

        return problems;
    }

    private async Task<bool> AttachmentsAlreadyHeldAsync(Guid siteId, IReadOnlyList<PackFile> attachments, CancellationToken cancellationToken)
    {
        var names = attachments.Select(a => a.FileName).ToList();
        var held = await _db.Attachments.AsNoTracking().Where(a => a.SiteId == siteId && names.Contains(a.Ref))
            .Select(a => new { a.Ref, a.File.Sha256 }).ToListAsync(cancellationToken);
        return attachments.All(a => held.Any(h => h.Ref == a.FileName && h.Sha256 == FileStore.Sha256Of(a.Content)));
    }

    private async Task<List<string>> StoreAttachmentsAsync(Guid siteId, IReadOnlyList<PackFile> attachments, RecordIndex index, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        var names = attachments.Select(a => a.FileName).ToList();
        var existing = await _db.Attachments.Where(a => a.SiteId == siteId && names.Contains(a.Ref)).ToDictionaryAsync(a => a.Ref, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var attachment in attachments)
        {
            if (existing.TryGetValue(attachment.FileName, out var held) && held.File.Sha256 == FileStore.Sha256Of(attachment.Content))
            {
                continue;
            }

            var file = await _files.SaveAsync(attachment.Content, FileSignatures.Sniff(attachment.Content)!, cancellationToken);
            written.Add(file.StoredName);
            if (held is not null)
            {
                held.Replace(file, held.AttachmentCategory, now);
            }
            else
            {
                var record = new EvidenceAttachment(siteId, attachment.FileName, file, EvidenceCategory.Processes, now);
                _db.Entry(record).Property(r => r.Id).CurrentValue = index.Find(RecordKind.Attachment, attachment.FileName)!.Value;
                _db.Attachments.Add(record);
            }
        }

        return written;
    }

    /// <summary>Records written or changed by this upload name its version; untouched ones keep theirs.</summary>
    private void MarkWrittenBy(Guid versionId)
    {
        _db.ChangeTracker.DetectChanges();
        foreach (var entry in _db.ChangeTracker.Entries<SiteRecord>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.WrittenBy(versionId);
        }
    }
}
