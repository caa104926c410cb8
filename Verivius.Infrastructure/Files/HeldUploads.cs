using System.Security.Cryptography;
using System.Text.Json;

namespace Verivius.Infrastructure.Files;

/// <summary>One file of a held upload: the name it was sent with and its bytes.</summary>
public sealed record HeldFile(string FileName, byte[] Content);

/// <summary>
/// Uploads held while the person who sent them reads what they would change. Nothing held is a record:
/// an upload is read back only by the person it is held for, is let go once confirmed or cancelled, and
/// one left waiting is deleted after a day. Held beside the file store, so every instance of the portal sees it.
/// </summary>
public sealed class HeldUploads
{
    public static readonly TimeSpan HeldFor = TimeSpan.FromDays(1);

    private const string ManifestName = "held.json";

    private readonly string _root;
    private readonly TimeProvider _clock;

    public HeldUploads(string root, TimeProvider clock)
    {
        _root = root;
        _clock = clock;
        Directory.CreateDirectory(_root);
    }

    /// <summary>Holds the files for their owner (a user's id and the place they were sent to) and returns the token that names them.</summary>
    public async Task<string> HoldAsync(string owner, IReadOnlyList<HeldFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        await LetGoOfExpiredAsync(cancellationToken);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = Directory.CreateDirectory(Path.Combine(_root, token)).FullName;

        // The manifest comes first, whole (written aside, then moved in), so every hold carries the
        // portal's time it began by which it expires, even one a crash left without all its files.
        var manifest = new Manifest(owner, _clock.GetUtcNow(), [.. files.Select(f => f.FileName)]);
        var written = Path.Combine(folder, ManifestName + ".writing");
        await File.WriteAllTextAsync(written, JsonSerializer.Serialize(manifest), cancellationToken);
        File.Move(written, Path.Combine(folder, ManifestName));
        for (var i = 0; i < files.Count; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{i}.upload"), files[i].Content, cancellationToken);
        }

        return token;
    }

    /// <summary>The files held under the token for this owner; null if there are none, they are another's, or they have expired.</summary>
    public async Task<IReadOnlyList<HeldFile>?> ReadAsync(string token, string owner, CancellationToken cancellationToken)
    {
        if (FolderOf(token) is not { } folder)
        {
            return null;
        }

        var manifest = await ManifestOfAsync(folder, cancellationToken);
        if (manifest is null || manifest.Owner != owner || Expired(manifest))
        {
            return null;
        }

        var files = new List<HeldFile>();
        for (var i = 0; i < manifest.FileNames.Count; i++)
        {
            var path = Path.Combine(folder, $"{i}.upload");
            if (!File.Exists(path))
            {
                return null;
            }

            files.Add(new HeldFile(manifest.FileNames[i], await File.ReadAllBytesAsync(path, cancellationToken)));
        }

        return files;
    }

    public void LetGo(string token)
    {
        if (FolderOf(token) is { } folder && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Judged by the portal's clock, as written in each manifest; a folder without one yet is a hold being written.</summary>
    private async Task LetGoOfExpiredAsync(CancellationToken cancellationToken)
    {
        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            if (await ManifestOfAsync(folder, cancellationToken) is { } manifest && Expired(manifest))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private bool Expired(Manifest manifest) => manifest.HeldAt + HeldFor < _clock.GetUtcNow();

    private static async Task<Manifest?> ManifestOfAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, ManifestName);
        return File.Exists(path) ? JsonSerializer.Deserialize<Manifest>(await File.ReadAllTextAsync(path, cancellationToken)) : null;
    }

    /// <summary>A token is 32 lowercase hex digits; anything else names no folder, so it cannot reach outside the root.</summary>
    private string? FolderOf(string token) =>
        token.Length == 32 && token.All(char.IsAsciiHexDigitLower) ? Path.Combine(_root, token) : null;

    private sealed record Manifest(string Owner, DateTimeOffset HeldAt, IReadOnlyList<string> FileNames);
}
