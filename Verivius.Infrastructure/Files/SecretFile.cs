namespace Verivius.Infrastructure.Files;

/// <summary>A secret kept in a file of its own (a key, a certificate): written once, readable only by its owner.</summary>
public static class SecretFile
{
    /// <summary>Writes the bytes to a new file unless one is there already (another process may have made it first; both then use that one).</summary>
    /// <remarks>
    /// The bytes are written to a file of this writer's own and then moved into place, a move that fails if the file is there
    /// already: a process that finds the file, as two portals or test runs started at once on a fresh machine do, never reads
    /// one still being written.
    /// </remarks>
    public static void WriteOnce(string path, Func<byte[]> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var written = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(written, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(written, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                file.Write(content());
            }

            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made by another process while this one wrote its own.
        }
        finally
        {
            File.Delete(written);
        }
    }
}
