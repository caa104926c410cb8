using Microsoft.EntityFrameworkCore.Migrations;

namespace Verivius.Infrastructure.Persistence.Migrations;

/// <summary>
/// Indexes on the days inside records' details, so that the views read a site's recent or open records
/// (the edges of the twelve months of incidents; actions open, or closed after the day) without reading
/// its whole history. EF Core 10 cannot index a complex property's column, so the model does not know
/// these: they are made here by column name, for every provider, and no later migration will drop them.
/// </summary>
internal static class RecordDayIndexes
{
    private static readonly (string Name, string Table, string[] Columns)[] Indexes =
    [
        ("IX_Incidents_SiteId_OccurredOn", "Incidents", ["SiteId", "Details_OccurredOn"]),
        ("IX_Actions_SiteId_Status_DueOn", "Actions", ["SiteId", "Details_Status", "Details_DueOn"]),
        ("IX_Actions_SiteId_ClosedOn", "Actions", ["SiteId", "Details_ClosedOn"]),
    ];

    public static void Create(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, table, columns) in Indexes)
        {
            migrationBuilder.CreateIndex(name, table, columns);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, table, _) in Indexes)
        {
            migrationBuilder.DropIndex(name, table);
        }
    }
}
