using System.Runtime.InteropServices;
using System.Text;

namespace Verivius.Infrastructure.Files;

/// <summary>A secret kept in a file of its own (a key, a certificate): written once, readable only by its owner.</summary>
public static class SecretFile
{
    private const int AlreadyExists = 17; // EEXIST, on Linux and macOS alike

    /// <summary>Writes the bytes to a new file unless one is there already (another process may have made it first; both then use that one).</summary>
    /// <remarks>
    /// The bytes are written to a file of this writer's own and then put in place by a step that fails if the file is there
    /// already: a process that finds the file, as two portals or test runs started at once on a fresh machine do, never reads
    /// one still being written, and no writer replaces a key another has already read.
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

            PlaceUnlessThere(written, path);
        }
        finally
        {
            File.Delete(written);
        }
    }

    /// <summary>
    /// Gives the written file the secret's name unless another writer already has. On Unix, .NET's move without overwrite looks
    /// for the name and then renames, so two writers racing could both succeed, the second replacing a key the first had read
    /// (a test of eight writers caught it); link(2) makes the name in one step that fails if it exists. On Windows, .NET's move
    /// is already that one step.
    /// </summary>
    private static void PlaceUnlessThere(string written, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(written, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Made by another process while this one wrote its own.
            }

            return;
        }

        if (Link(PathBytes(written), PathBytes(path)) != 0 && Marshal.GetLastPInvokeError() is var error and not AlreadyExists)
        {
            throw new IOException($"The secret file {path} could not be made: {Marshal.GetPInvokeErrorMessage(error)}");
        }
    }

    /// <summary>A path as the C library takes it: UTF-8, ending in a zero byte.</summary>
    private static byte[] PathBytes(string path) => Encoding.UTF8.GetBytes(path + '\0');

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(byte[] existing, byte[] created);
}
