using Microsoft.EntityFrameworkCore.Migrations;

namespace Verivius.Infrastructure.Persistence.Migrations;

/// <summary>
/// Indexes on the days inside records' details, so that reads bounded by a day find their records
/// without reading a site's whole history. EF Core 10 cannot index a complex property's column, so the
/// model does not know these: they are made here by column name, for every provider, and no later
/// migration will drop them.
/// </summary>
internal static class RecordDayIndexes
{
    /// <summary>The views' reads: the edges of the twelve months of incidents; actions open, or closed after the day.</summary>
    public static readonly RecordDayIndex[] OpenAndRecent =
    [
        new("IX_Incidents_SiteId_OccurredOn", "Incidents", ["SiteId", "Details_OccurredOn"]),
        new("IX_Actions_SiteId_Status_DueOn", "Actions", ["SiteId", "Details_Status", "Details_DueOn"]),
        new("IX_Actions_SiteId_ClosedOn", "Actions", ["SiteId", "Details_ClosedOn"]),
    ];

    /// <summary>
    /// The trail audit's: the matrix rows expiring or planned in a month, and the completion of the same
    /// member of staff's course in a later matrix that renews one.
    /// </summary>
    public static readonly RecordDayIndex[] TrainingRenewals =
    [
        new("IX_Training_SiteId_Period_ExpiresOn", "Training", ["SiteId", "Period", "Details_ExpiresOn"]),
        new("IX_Training_SiteId_Period_PlannedOn", "Training", ["SiteId", "Period", "Details_PlannedOn"]),
        new("IX_Training_SiteId_Period_StaffRef_Course", "Training", ["SiteId", "Period", "Details_StaffRef", "Details_Course"]),
    ];

    /// <summary>
    /// The challenge engine's, for a site judged again with its records unchanged: the meetings of the recent year, besides
    /// the older ones its last judgement found still unresolved (incidents use the views' index; decisions, whose day is no
    /// complex property's, one the model declares).
    /// </summary>
    public static readonly RecordDayIndex[] RecentRecords =
    [
        new("IX_Meetings_SiteId_HeldOn", "Meetings", ["SiteId", "Details_HeldOn"]),
    ];

    /// <summary>
    /// The board and site packs' complaints appendix: the complaints a site received in the pack's month. Read through the
    /// site's key alone, the appendix tested every complaint the site ever had (23 ms for 500 sites × 12 months, 86–125 ms × 60).
    /// </summary>
    public static readonly RecordDayIndex[] ComplaintsReceived =
    [
        new("IX_Complaints_SiteId_ReceivedOn", "Complaints", ["SiteId", "Details_ReceivedOn"]),
    ];

    public static void Create(MigrationBuilder migrationBuilder, IEnumerable<RecordDayIndex> indexes)
    {
        foreach (var (name, table, columns) in indexes)
        {
            migrationBuilder.CreateIndex(name, table, columns);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder, IEnumerable<RecordDayIndex> indexes)
    {
        foreach (var (name, table, _) in indexes)
        {
            migrationBuilder.DropIndex(name, table);
        }
    }
}

internal sealed record RecordDayIndex(string Name, string Table, string[] Columns);
