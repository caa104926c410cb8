using Microsoft.Data.Sqlite;

namespace Verivius.Tests.Support;

/// <summary>
/// Everything a portal keeps beside its SQLite file: the write-ahead log, the data-protection key ring (a secret, which a
/// test must not leave in the shared temporary folder), and the folders of stored files and sent mail.
/// </summary>
public static class TestDatabaseFiles
{
    public static void Delete(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".key" })
        {
            File.Delete(databasePath + suffix);
        }

        foreach (var folder in new[] { databasePath + ".files", databasePath + ".mail" }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
