using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SiteMonthFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SiteMonthFigures",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Incidents = table.Column<int>(type: "integer", nullable: false),
                    ActionsDue = table.Column<int>(type: "integer", nullable: false),
                    ActionsClosedOnTime = table.Column<int>(type: "integer", nullable: false),
                    ShiftsPlanned = table.Column<int>(type: "integer", nullable: false),
                    ShiftsUnfilled = table.Column<int>(type: "integer", nullable: false),
                    HoursWorked = table.Column<double>(type: "double precision", nullable: false),
                    AgencyHours = table.Column<double>(type: "double precision", nullable: false),
                    TrainingStaff = table.Column<int>(type: "integer", nullable: true),
                    TrainingInDate = table.Column<int>(type: "integer", nullable: true),
                    SupervisionStaff = table.Column<int>(type: "integer", nullable: true),
                    SupervisedOnTime = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteMonthFigures", x => new { x.SiteId, x.Month });
                    table.ForeignKey(
                        name: "FK_SiteMonthFigures_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SiteMonthFigures");
        }
    }
}
