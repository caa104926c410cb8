using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class OldRecordsReadAndRecentRecordIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OldRecordsRead",
                table: "SiteJudgements",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SiteId_MadeOn",
                table: "Decisions",
                columns: new[] { "SiteId", "MadeOn" });

            RecordDayIndexes.Create(migrationBuilder, RecordDayIndexes.RecentRecords);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RecordDayIndexes.Drop(migrationBuilder, RecordDayIndexes.RecentRecords);

            migrationBuilder.DropIndex(
                name: "IX_Decisions_SiteId_MadeOn",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "OldRecordsRead",
                table: "SiteJudgements");
        }
    }
}
