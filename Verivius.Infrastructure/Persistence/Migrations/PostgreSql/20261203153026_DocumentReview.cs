using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.PostgreSql
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
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentStoredName",
                table: "GovernanceDocuments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftStoredName",
                table: "GovernanceDocuments",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "GovernanceDocuments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "GovernanceDocuments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "GovernanceDocuments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "GovernanceDocuments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Series",
                table: "GovernanceDocuments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnReason",
                table: "GovernanceDocuments",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            // Documents written before review existed were already in their readers' hands: each is its
            // own series, revision 1, published where its kind now needs approval.
            migrationBuilder.Sql("""
                UPDATE "GovernanceDocuments" SET "Revision" = 1, "Series" = 'before-review|' || "Id"::text, "Review" = CASE WHEN "Kind" IN ('BoardPack', 'CommissionerUpdate') THEN 'Published' ELSE 'NotNeeded' END;
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
