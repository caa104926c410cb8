using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Verivius.Domain.History;

namespace Verivius.Infrastructure.History;

/// <summary>
/// Writes change-log entries as multi-row INSERTs in the save's transaction, not as tracked entities: a
/// 5,000-row pack writes as many entries as records, and EF's insert of one tracked entity at a time was
/// a third of the upload's time. Table, columns, parameters and value conversions all come from the
/// model, so the rows are the ones EF would have written, on every engine.
/// </summary>
internal static class ChangeLogRows
{
    // Small commands: Microsoft.Data.Sqlite finds each named parameter by a scan of the statement's, so a
    // command's cost grows with the square of its rows (150 rows a command took as long as EF; 10 take a third).
    // Ten rows of eleven columns also stay far inside SQL Server's 2,100 parameters.
    private const int RowsPerCommand = 10;

    public static async Task InsertAsync(DbContext context, IReadOnlyList<ChangeLogEntry> entries, CancellationToken cancellationToken)
    {
        var transaction = context.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Change-log entries are written in the transaction of the save they record; none is open.");
        var entityType = context.Model.FindEntityType(typeof(ChangeLogEntry))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().ToList();
        var sql = context.GetService<ISqlGenerationHelper>();
        var connection = context.Database.GetDbConnection();

        // The command for a full batch is kept and given new values, so an engine that prepares statements prepares it once.
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < entries.Count; start += RowsPerCommand)
            {
                var rows = Math.Min(RowsPerCommand, entries.Count - start);
                var command = rows == RowsPerCommand ? full ??= Command(connection, transaction, context, table, columns, sql, rows) : Command(connection, transaction, context, table, columns, sql, rows);
                try
                {
                    Bind(command, columns, sql, entries, start, rows);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                finally
                {
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    private static DbCommand Command(
        DbConnection connection, IDbContextTransaction transaction, DbContext context, StoreObjectIdentifier table, List<IProperty> columns, ISqlGenerationHelper sql, int rows)
    {
        var text = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))
            .Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            text.Append(row == 0 ? "(" : ", (")
                .AppendJoin(", ", columns.Select((_, column) => sql.GenerateParameterNamePlaceholder(ParameterName(row, column))))
                .Append(')');
        }

        var command = connection.CreateCommand();
        command.CommandText = text.Append(sql.StatementTerminator).ToString();
        command.Transaction = transaction.GetDbTransaction();
        if (context.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    private static void Bind(DbCommand command, List<IProperty> columns, ISqlGenerationHelper sql, IReadOnlyList<ChangeLogEntry> entries, int start, int rows)
    {
        command.Parameters.Clear();
        for (var row = 0; row < rows; row++)
        {
            var entry = entries[start + row];
            for (var column = 0; column < columns.Count; column++)
            {
                var property = columns[column];
                command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(
                    command, sql.GenerateParameterName(ParameterName(row, column)), property.GetGetter().GetClrValue(entry), property.IsNullable));
            }
        }
    }

    private static string ParameterName(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"r{row}c{column}");
}
