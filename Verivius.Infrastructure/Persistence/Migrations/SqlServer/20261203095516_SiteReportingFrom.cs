using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // A site already here reports from its first pack's month, as PROV-PACK-MISSING counted
            // before; one with no pack yet, from the month it was added.
            migrationBuilder.Sql("""
                UPDATE [Sites] SET [ReportingFrom] = COALESCE((SELECT MIN([Period]) FROM [Packs] WHERE [Packs].[SiteId] = [Sites].[Id]), DATEFROMPARTS(YEAR([CreatedAt]), MONTH([CreatedAt]), 1));
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
