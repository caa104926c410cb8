using System.Security.Cryptography;
using Verivius.Domain.Evidence;

namespace Verivius.Infrastructure.Files;

/// <summary>
/// Keeps uploaded files (pack workbooks, attachments) on disk outside the web root, under generated
/// names, so nothing a user uploads is ever served or executed by its own name.
/// </summary>
public sealed class FileStore
{
    private readonly string _root;

    public FileStore(string root)
    {
        _root = root;
        Directory.CreateDirectory(_root);
    }

    /// <summary>Writes the bytes under a new name and returns where they are and their fingerprint.</summary>
    public async Task<StoredFile> SaveAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var storedName = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(PathOf(storedName), content, cancellationToken);
        return new StoredFile(storedName, contentType, content.Length, Sha256Of(content.Span));
    }

    public Stream Open(string storedName) => File.OpenRead(PathOf(storedName));

    /// <summary>Removes files written for a change that was then rolled back.</summary>
    public void Delete(string storedName) => File.Delete(PathOf(storedName));

    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private string PathOf(string storedName)
    {
        if (storedName.Length != 32 || !storedName.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a stored file name.", nameof(storedName));
        }

        // Two-letter folders keep any one directory small however many files a provider sends.
        var folder = Path.Combine(_root, storedName[..2]);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, storedName);
    }
}
