namespace Verivius.Tests.Support;

/// <summary>The portal with PostgreSQL as its database: a new database of the test run's cluster per test class.</summary>
public class PostgreSqlPortal : PortalFactory
{
    public new string ConnectionString { get; } = PostgreSqlCluster.NewDatabaseAsync().GetAwaiter().GetResult();

    /// <summary>The change log's key, given to any other instance on the same database.</summary>
    public string ChainKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>What another instance (a portal process) needs to share this portal's database, keys and files.</summary>
    public IReadOnlyDictionary<string, string> SharedSettings => new Dictionary<string, string>
    {
        ["Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__Verivius"] = ConnectionString,
        ["History__ChainKey"] = ChainKey,
        ["Storage__Root"] = StorageRoot,
    };

    /// <summary>Whether this portal runs its Quartz scheduler, off as in every other test portal.</summary>
    protected virtual bool Schedules => false;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Verivius"] = ConnectionString,
        ["Scheduling:Enabled"] = Schedules ? "true" : "false",
        ["History:ChainKey"] = ChainKey,
    };
}

/// <summary>The portal on PostgreSQL with its scheduler running, so Quartz's clustered store is made and used there.</summary>
public sealed class ScheduledPostgreSqlPortal : PostgreSqlPortal
{
    protected override bool Schedules => true;
}
