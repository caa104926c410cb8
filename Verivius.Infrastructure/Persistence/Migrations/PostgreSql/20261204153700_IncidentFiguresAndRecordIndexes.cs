using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class IncidentFiguresAndRecordIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CandourIncidents",
                table: "SiteMonthFigures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CandourLate",
                table: "SiteMonthFigures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Notifiable",
                table: "SiteMonthFigures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "NotifiedLate",
                table: "SiteMonthFigures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            RecordDayIndexes.Create(migrationBuilder, RecordDayIndexes.OpenAndRecent);

            // Months counted before these columns were kept lack them: the portal counts them again at its next start.
            migrationBuilder.Sql("DELETE FROM \"SiteMonthFigures\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RecordDayIndexes.Drop(migrationBuilder, RecordDayIndexes.OpenAndRecent);

            migrationBuilder.DropColumn(
                name: "CandourIncidents",
                table: "SiteMonthFigures");

            migrationBuilder.DropColumn(
                name: "CandourLate",
                table: "SiteMonthFigures");

            migrationBuilder.DropColumn(
                name: "Notifiable",
                table: "SiteMonthFigures");

            migrationBuilder.DropColumn(
                name: "NotifiedLate",
                table: "SiteMonthFigures");
        }
    }
}
