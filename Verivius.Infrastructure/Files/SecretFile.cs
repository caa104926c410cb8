namespace Verivius.Infrastructure.Files;

/// <summary>A secret kept in a file of its own (a key, a certificate): written once, readable only by its owner.</summary>
public static class SecretFile
{
    /// <summary>Writes the bytes to a new file unless one is there already (another process may have made it first; both then use that one).</summary>
    public static void WriteOnce(string path, Func<byte[]> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            file.Write(content());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made by another process between the check and the write.
        }
    }
}
