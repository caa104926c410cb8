using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SiteJudgements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SiteJudgements",
                columns: table => new
                {
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Changes = table.Column<long>(type: "bigint", nullable: false),
                    ChangesJudged = table.Column<long>(type: "bigint", nullable: false),
                    JudgedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StandsUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    ProviderContext = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteJudgements", x => x.SiteId);
                    table.ForeignKey(
                        name: "FK_SiteJudgements_Sites_SiteId",
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
                name: "SiteJudgements");
        }
    }
}
