using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SiteRatingThresholds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Thresholds_SupervisionAmberBelowPercent",
                table: "ChallengeSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 80);

            migrationBuilder.AddColumn<int>(
                name: "Thresholds_SupervisionRedBelowPercent",
                table: "ChallengeSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 50);

            migrationBuilder.AddColumn<int>(
                name: "Thresholds_TrainingAmberBelowPercent",
                table: "ChallengeSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 90);

            migrationBuilder.AddColumn<int>(
                name: "Thresholds_TrainingRedBelowPercent",
                table: "ChallengeSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 75);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Thresholds_SupervisionAmberBelowPercent",
                table: "ChallengeSettings");

            migrationBuilder.DropColumn(
                name: "Thresholds_SupervisionRedBelowPercent",
                table: "ChallengeSettings");

            migrationBuilder.DropColumn(
                name: "Thresholds_TrainingAmberBelowPercent",
                table: "ChallengeSettings");

            migrationBuilder.DropColumn(
                name: "Thresholds_TrainingRedBelowPercent",
                table: "ChallengeSettings");
        }
    }
}
