using Microsoft.Data.Sqlite;

namespace Verivius.Tests.Support;

/// <summary>
/// Everything a portal keeps beside its SQLite file: the write-ahead log, the data-protection key ring (a secret, which a
/// test must not leave in the shared temporary folder), and the folders of stored files and sent mail.
/// </summary>
public static class TestDatabaseFiles
{
    private static readonly string[] FilesBeside = ["", "-wal", "-shm", ".key"];
    private static readonly string[] FoldersBeside = [".files", ".mail"];

    public static void Delete(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in FilesBeside)
        {
            File.Delete(databasePath + suffix);
        }

        foreach (var folder in FoldersBeside.Select(suffix => databasePath + suffix).Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Copies a portal's database, no longer open, and everything it keeps beside it, to another path.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var suffix in FilesBeside.Where(suffix => File.Exists(from + suffix)))
        {
            File.Copy(from + suffix, to + suffix);
        }

        foreach (var folder in FoldersBeside.Where(suffix => Directory.Exists(from + suffix)))
        {
            foreach (var file in Directory.EnumerateFiles(from + folder, "*", SearchOption.AllDirectories))
            {
                var copy = to + folder + file[(from + folder).Length..];
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }
    }
}
