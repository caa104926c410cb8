using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Verivius.Infrastructure.Persistence;
using Verivius.Infrastructure.Persistence.CompiledModels.Sqlite;
using Verivius.Tests.Support;

namespace Verivius.Tests.Features;

/// <summary>Both providers' migration sets are generated from the current model; neither has drifted.</summary>
public class MigrationTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteVeriviusDbContext(new DbContextOptionsBuilder<SqliteVeriviusDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run ./scripts/add-migration.sh: the SQLite migrations lag the model.");
    }

    /// <summary>
    /// SQLite's model is compiled ahead (Persistence/CompiledModels/Sqlite), which spares every verb and portal start
    /// about a second of building it; the compiled copy must still say what the configurations say.
    /// </summary>
    [Fact]
    public void SqliteCompiledModel_IsTheOneInUse_AndMatchesTheConfigurations()
    {
        using var db = new SqliteVeriviusDbContext(new DbContextOptionsBuilder<SqliteVeriviusDbContext>().UseSqlite("Data Source=:memory:").Options);
        var configured = db.GetService<IDesignTimeModel>().Model;

        // The migrations' differ cannot read a compiled model, so both are described alike and the descriptions compared.
        var (expected, compiled) = (Shape(configured), Shape(db.Model));
        var lagging = expected.Except(compiled).Concat(compiled.Except(expected).Select(line => "no longer " + line)).ToList();

        Assert.IsType<SqliteVeriviusDbContextModel>(db.Model);
        Assert.True(lagging.Count == 0, "Run ./scripts/compile-model.sh: the compiled SQLite model lags the configurations in\n" + string.Join('\n', lagging));
        Assert.True(expected.Count > 1000, $"The model's description has only {expected.Count} lines.");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = new SqlServerVeriviusDbContext(new DbContextOptionsBuilder<SqlServerVeriviusDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run ./scripts/add-migration.sh: the SQL Server migrations lag the model.");
        Assert.Equal(db.Database.GetMigrations().Select(Name), new SqliteVeriviusDbContext(
            new DbContextOptionsBuilder<SqliteVeriviusDbContext>().UseSqlite("Data Source=:memory:").Options).Database.GetMigrations().Select(Name));
    }

    /// <summary>
    /// SQL Server cannot run here, so its idempotent migration script (what an operator's DBA would run) is
    /// parsed by Microsoft's own T-SQL parser instead: a syntax error in hand-written SQL (the change log's
    /// triggers and DENY, a data migration) fails here rather than on a provider's server. EF wraps such
    /// SQL in EXEC(N'...') in an idempotent script, so the strings it executes are parsed too.
    /// </summary>
    [Fact]
    public void SqlServerMigrationScript_ParsesAsTSql_WithEveryStatementItExecutes()
    {
        using var db = new SqlServerVeriviusDbContext(new DbContextOptionsBuilder<SqlServerVeriviusDbContext>().UseSqlServer("Server=unused;Database=unused").Options);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var executed = new ExecutedSql();
        var errors = Parse(script, "the script", executed);
        for (var i = 0; i < executed.Strings.Count; i++)
        {
            errors.AddRange(Parse(executed.Strings[i], $"EXEC string {i + 1}", executed));
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(executed.Strings.Count > 0, "No EXEC string was found: the script's hand-written SQL went unchecked.");
        Assert.Contains(executed.Strings, sql => sql.Contains("INSTEAD OF UPDATE", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("DATEFROMPARTS", script, StringComparison.Ordinal);
    }

    private static List<string> Parse(string sql, string what, ExecutedSql executed)
    {
        return [.. TransactSql.Parse(sql, executed).Select(e => $"{what}, line {e.Line}: {e.Message} near \"{Near(sql, e.Line)}\"")];
    }

    private static string Near(string sql, int line) => sql.Split('\n').ElementAtOrDefault(line - 1)?.Trim() ?? "";

    /// <summary>The SQL each EXEC(N'...') runs, gathered as the parser meets it.</summary>
    private sealed class ExecutedSql : TSqlFragmentVisitor
    {
        public List<string> Strings { get; } = [];

        // A variable in the list holds a name the script looks up as it runs (a default constraint's, which
        // EF drops before altering a column): a bracketed name stands in for it.
        public override void Visit(ExecutableStringList node) =>
            Strings.Add(string.Concat(node.Strings.Select(part => part is StringLiteral literal ? literal.Value : "[looked_up_name]")));
    }

    /// <summary>
    /// A model as lines of text: each table's columns, keys, indexes and foreign keys, and what the tables do not
    /// show, each property's type, conversion and field, each navigation and each query filter.
    /// </summary>
    private static List<string> Shape(IModel model)
    {
        var tables = model.GetRelationalModel().Tables.SelectMany(table =>
            table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType} null {c.IsNullable}")
                .Concat(table.UniqueConstraints.Select(k => $"{table.Name} key {k.Name} ({string.Join(", ", k.Columns.Select(c => c.Name))})"))
                .Concat(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) unique {i.IsUnique} where {i.Filter}"))
                .Concat(table.ForeignKeyConstraints.Select(f => $"{table.Name} fk {f.Name} -> {f.PrincipalTable.Name} on delete {f.OnDeleteAction}")));
        var entities = model.GetEntityTypes().SelectMany(entity =>
            entity.GetProperties().Select(p => $"{entity.Name}.{p.Name}: {p.ClrType} via {p.GetValueConverter()?.GetType().Name} field {p.FieldInfo?.Name} length {p.GetMaxLength()}")
                .Concat(entity.GetNavigations().Select(n => $"{entity.Name}.{n.Name} -> {n.TargetEntityType.Name} many {n.IsCollection} field {n.FieldInfo?.Name}"))
                .Concat(entity.GetSkipNavigations().Select(n => $"{entity.Name}.{n.Name} ->> {n.TargetEntityType.Name}"))
                .Concat(entity.GetDeclaredQueryFilters().Select(f => $"{entity.Name} filtered {f.Key}")));
        return [.. tables.Concat(entities).Order(StringComparer.Ordinal)];
    }

    private static string Name(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
