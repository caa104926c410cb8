using Microsoft.Data.Sqlite;

namespace Verivius.Infrastructure.Persistence;

internal static class SqliteConnectionStrings
{
    /// <summary>
    /// Resolves a relative database file against the content root and makes sure its folder exists, so
    /// the default <c>data/verivius.db</c> works on a fresh clone wherever the portal is started from.
    /// </summary>
    public static string Resolve(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var isFile = builder.Mode != SqliteOpenMode.Memory
            && !string.IsNullOrEmpty(builder.DataSource)
            && builder.DataSource != ":memory:";
        if (!isFile)
        {
            return connectionString;
        }

        if (!Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        return builder.ToString();
    }
}
