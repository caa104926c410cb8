using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FrameworkVersionsAndCrosswalk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FrameworkVersion",
                table: "Providers",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChallengeCodes",
                table: "FrameworkItems",
                type: "nvarchar(600)",
                maxLength: 600,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Good",
                table: "FrameworkItems",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Inadequate",
                table: "FrameworkItems",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KeyQuestion",
                table: "FrameworkItems",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outstanding",
                table: "FrameworkItems",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequiresImprovement",
                table: "FrameworkItems",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScopeTopics",
                table: "FrameworkItems",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "AssessmentFrameworks",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "AssessmentFrameworks",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Retired");

            // Whichever version was current stays current; the rest were superseded, now retired.
            migrationBuilder.Sql("UPDATE [AssessmentFrameworks] SET [Status] = N'Current' WHERE [IsCurrent] = CAST(1 AS bit);");

            migrationBuilder.DropColumn(
                name: "IsCurrent",
                table: "AssessmentFrameworks");

            migrationBuilder.CreateTable(
                name: "FrameworkCrosswalk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromVersion = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    FromCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ToVersion = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ToCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkCrosswalk", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkCrosswalk_FromVersion_ToVersion_FromCode",
                table: "FrameworkCrosswalk",
                columns: new[] { "FromVersion", "ToVersion", "FromCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FrameworkCrosswalk");

            migrationBuilder.DropColumn(
                name: "FrameworkVersion",
                table: "Providers");

            migrationBuilder.DropColumn(
                name: "ChallengeCodes",
                table: "FrameworkItems");

            migrationBuilder.DropColumn(
                name: "Good",
                table: "FrameworkItems");

            migrationBuilder.DropColumn(
                name: "Inadequate",
                table: "FrameworkItems");

            migrationBuilder.DropColumn(
                name: "KeyQuestion",
                table: "FrameworkItems");

            migrationBuilder.DropColumn(
                name: "Outstanding",
                table: "FrameworkItems");

            migrationBuilder.DropColumn(
                name: "RequiresImprovement",
                table: "FrameworkItems");

            migrationBuilder.DropColumn(
                name: "ScopeTopics",
                table: "FrameworkItems");

            migrationBuilder.AlterColumn<string>(
                name: "Note",
                table: "AssessmentFrameworks",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCurrent",
                table: "AssessmentFrameworks",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("UPDATE [AssessmentFrameworks] SET [IsCurrent] = CAST(1 AS bit) WHERE [Status] = N'Current';");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "AssessmentFrameworks");
        }
    }
}
