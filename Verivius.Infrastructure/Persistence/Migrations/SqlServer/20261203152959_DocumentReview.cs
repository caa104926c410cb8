using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DocumentReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Commentary",
                table: "GovernanceDocuments",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentStoredName",
                table: "GovernanceDocuments",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftStoredName",
                table: "GovernanceDocuments",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "GovernanceDocuments",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "GovernanceDocuments",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "GovernanceDocuments",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "GovernanceDocuments",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Series",
                table: "GovernanceDocuments",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnReason",
                table: "GovernanceDocuments",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            // Documents written before review existed were already in their readers' hands: each is its
            // own series, revision 1, published where its kind now needs approval.
            migrationBuilder.Sql("""
                UPDATE [GovernanceDocuments] SET [Revision] = 1, [Series] = N'before-review|' + CAST([Id] AS nvarchar(36)), [Review] = CASE WHEN [Kind] IN (N'BoardPack', N'CommissionerUpdate') THEN N'Published' ELSE N'NotNeeded' END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDocuments_Series_Revision",
                table: "GovernanceDocuments",
                columns: new[] { "Series", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GovernanceDocuments_Series_Revision",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "Commentary",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "ContentStoredName",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "DraftStoredName",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "Series",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "WithdrawnReason",
                table: "GovernanceDocuments");
        }
    }
}
