using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChallengeOpenSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "JoinedOn",
                table: "ChallengeSubjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpenSince",
                table: "Challenges",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // A challenge raised before its condition was dated has been open since it was opened, until the engine next dates it.
            migrationBuilder.Sql("UPDATE Challenges SET OpenSince = OpenedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "JoinedOn",
                table: "ChallengeSubjects");

            migrationBuilder.DropColumn(
                name: "OpenSince",
                table: "Challenges");
        }
    }
}
