using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OversightMinutesDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActionsAgreed",
                table: "OversightMeetings",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Apologies",
                table: "OversightMeetings",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Attendees",
                table: "OversightMeetings",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OtherBusiness",
                table: "OversightMeetings",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "MeetingId",
                table: "GovernanceDocuments",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDocuments_MeetingId",
                table: "GovernanceDocuments",
                column: "MeetingId");

            migrationBuilder.AddForeignKey(
                name: "FK_GovernanceDocuments_OversightMeetings_MeetingId",
                table: "GovernanceDocuments",
                column: "MeetingId",
                principalTable: "OversightMeetings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_GovernanceDocuments_OversightMeetings_MeetingId",
                table: "GovernanceDocuments");

            migrationBuilder.DropIndex(
                name: "IX_GovernanceDocuments_MeetingId",
                table: "GovernanceDocuments");

            migrationBuilder.DropColumn(
                name: "ActionsAgreed",
                table: "OversightMeetings");

            migrationBuilder.DropColumn(
                name: "Apologies",
                table: "OversightMeetings");

            migrationBuilder.DropColumn(
                name: "Attendees",
                table: "OversightMeetings");

            migrationBuilder.DropColumn(
                name: "OtherBusiness",
                table: "OversightMeetings");

            migrationBuilder.DropColumn(
                name: "MeetingId",
                table: "GovernanceDocuments");
        }
    }
}
