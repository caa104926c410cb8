using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SiteReportingFrom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReportingFrom",
                table: "Sites",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // A site already here reports from its first pack's month, as PROV-PACK-MISSING counted
            // before; one with no pack yet, from the month it was added (CreatedAt is in UTC ticks here).
            migrationBuilder.Sql("""
                UPDATE "Sites" SET "ReportingFrom" = COALESCE((SELECT MIN("Period") FROM "Packs" WHERE "Packs"."SiteId" = "Sites"."Id"), date(("CreatedAt" - 621355968000000000) / 10000000, 'unixepoch', 'start of month'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReportingFrom",
                table: "Sites");
        }
    }
}
