using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScheduleTiming : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "At",
                table: "DocumentSchedules",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<int>(
                name: "Day",
                table: "DocumentSchedules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Schedules saved before the phrases existed were cron expressions, and stay so.
            migrationBuilder.AddColumn<string>(
                name: "Timing",
                table: "DocumentSchedules",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Cron");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "At",
                table: "DocumentSchedules");

            migrationBuilder.DropColumn(
                name: "Day",
                table: "DocumentSchedules");

            migrationBuilder.DropColumn(
                name: "Timing",
                table: "DocumentSchedules");
        }
    }
}
