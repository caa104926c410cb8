using System.Security.Cryptography;
using Verivius.Domain.Evidence;

namespace Verivius.Infrastructure.Files;

/// <summary>
/// Keeps uploaded files (pack workbooks, attachments) and written documents on disk outside the web
/// root, under generated names, so nothing a user uploads is ever served or executed by its own name.
/// A file is written first to <c>pending/</c> and moved into place once the row that names it has
/// committed: a process killed in between leaves only pending files, which <see cref="StorageAudit"/>
/// keeps (their row committed) or removes (it did not).
/// </summary>
public sealed class FileStore
{
    private const string PendingFolder = "pending";

    private readonly string _root;

    public FileStore(string root)
    {
        _root = root;
        Directory.CreateDirectory(Path.Combine(_root, PendingFolder));
    }

    /// <summary>Writes the bytes, pending, under a new name and returns where they are and their fingerprint.</summary>
    public async Task<StoredFile> SaveAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var storedName = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(PendingPathOf(storedName), content, cancellationToken);
        return new StoredFile(storedName, contentType, content.Length, Sha256Of(content.Span));
    }

    /// <summary>
    /// Saves the rows that name pending files, then keeps the files; if the save fails the files are
    /// discarded and the failure goes on, so no file outlives the rows that would have named it.
    /// </summary>
    public async Task KeepOnceSavedAsync(IReadOnlyCollection<string> storedNames, Func<Task> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        try
        {
            await save();
        }
        catch
        {
            Discard(storedNames);
            throw;
        }

        Keep(storedNames);
    }

    /// <summary>Moves pending files into place, once the rows that name them have committed.</summary>
    public void Keep(IEnumerable<string> storedNames)
    {
        ArgumentNullException.ThrowIfNull(storedNames);
        foreach (var name in storedNames)
        {
            var pending = PendingPathOf(name);
            if (File.Exists(pending))
            {
                File.Move(pending, PathOf(name), overwrite: true);
            }
        }
    }

    /// <summary>Removes pending files written for a change that was then rolled back.</summary>
    public void Discard(IEnumerable<string> storedNames)
    {
        ArgumentNullException.ThrowIfNull(storedNames);
        foreach (var name in storedNames)
        {
            File.Delete(PendingPathOf(name));
        }
    }

    /// <summary>A kept file; or one still pending whose row committed just before a restart (the next audit moves it).</summary>
    public Stream Open(string storedName)
    {
        var kept = PathOf(storedName);
        return File.OpenRead(File.Exists(kept) || !File.Exists(PendingPathOf(storedName)) ? kept : PendingPathOf(storedName));
    }

    /// <summary>Every file on disk: its name, when it was written, and whether it is still pending.</summary>
    public IEnumerable<(string StoredName, DateTime WrittenAtUtc, bool Pending)> List() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(path => (Name: Path.GetFileName(path), Path: path))
            .Where(file => IsStoredName(file.Name))
            .Select(file => (file.Name, File.GetLastWriteTimeUtc(file.Path), Path.GetFileName(Path.GetDirectoryName(file.Path)) == PendingFolder));

    public bool Exists(string storedName) => File.Exists(PathOf(storedName)) || File.Exists(PendingPathOf(storedName));

    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static bool IsStoredName(string name) => name.Length == 32 && name.All(char.IsAsciiHexDigitLower);

    private string PendingPathOf(string storedName) => Path.Combine(_root, PendingFolder, Checked(storedName));

    private string PathOf(string storedName)
    {
        // Two-letter folders keep any one directory small however many files a provider sends.
        var folder = Path.Combine(_root, Checked(storedName)[..2]);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, storedName);
    }

    private static string Checked(string storedName) =>
        IsStoredName(storedName) ? storedName : throw new ArgumentException("Not a stored file name.", nameof(storedName));
}
