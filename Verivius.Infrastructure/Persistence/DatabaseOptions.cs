namespace Verivius.Infrastructure.Persistence;

/// <summary>The <c>Database</c> section of appsettings.json.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Verivius";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the portal or a command starts; production may turn it off.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
