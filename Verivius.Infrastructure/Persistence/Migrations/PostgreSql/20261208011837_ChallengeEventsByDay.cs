using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ChallengeEventsByDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ChallengeEvents_On",
                table: "ChallengeEvents",
                column: "On");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChallengeEvents_On",
                table: "ChallengeEvents");
        }
    }
}
