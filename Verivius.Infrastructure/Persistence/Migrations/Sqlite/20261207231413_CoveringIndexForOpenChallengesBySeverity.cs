using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoveringIndexForOpenChallengesBySeverity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Challenges_Status_SiteId",
                table: "Challenges");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_Status_SiteId_Severity",
                table: "Challenges",
                columns: new[] { "Status", "SiteId", "Severity" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Challenges_Status_SiteId_Severity",
                table: "Challenges");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_Status_SiteId",
                table: "Challenges",
                columns: new[] { "Status", "SiteId" });
        }
    }
}
