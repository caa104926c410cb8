using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DocumentPdf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PdfSizeBytes",
                table: "GovernanceDocuments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "PdfStoredName",
                table: "GovernanceDocuments",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PdfSizeBytes",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "PdfStoredName",
                table: "GovernanceDocuments");
        }
    }
}
