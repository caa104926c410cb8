using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Challenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Subjects = table.Column<string>(type: "TEXT", nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UpdatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConditionHolds = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscalatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EscalationReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Challenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Challenges_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Thresholds_ActionOverdueDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_ActionOverdueHighDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_AppraisalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_AuditHeadlinePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_AuditThemeFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_AuditThemeWindow = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_CandourWrittenWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_CarePlanUpdateDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_ContradictionPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_EvidenceCurrentDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_FeedbackResponseDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_MatrixStaleDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_MatrixTooCleanStaff = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_MeetingGapDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_NotificationDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_PackMissingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_RiskReviewOverdueDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_StalledClosureDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_StalledOpenActions = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_SupervisionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_SystemicRiskSites = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_UnansweredDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Thresholds_UnfilledShiftPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeSettings_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OversightMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OversightMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OversightMeetings_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeEvents_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OversightMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChallengeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SiteId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4400, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OversightMinutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OversightMinutes_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OversightMinutes_OversightMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "OversightMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OversightMinutes_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OversightMinutes_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeEvents_ChallengeId",
                table: "ChallengeEvents",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_SiteId_Code_Key",
                table: "Challenges",
                columns: new[] { "SiteId", "Code", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_Status_SiteId",
                table: "Challenges",
                columns: new[] { "Status", "SiteId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeSettings_ProviderId",
                table: "ChallengeSettings",
                column: "ProviderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OversightMeetings_ProviderId_HeldOn",
                table: "OversightMeetings",
                columns: new[] { "ProviderId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OversightMinutes_ChallengeId",
                table: "OversightMinutes",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_OversightMinutes_MeetingId",
                table: "OversightMinutes",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_OversightMinutes_ProviderId_MeetingId_DecidedOn",
                table: "OversightMinutes",
                columns: new[] { "ProviderId", "MeetingId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OversightMinutes_SiteId",
                table: "OversightMinutes",
                column: "SiteId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChallengeEvents");

            migrationBuilder.DropTable(
                name: "ChallengeSettings");

            migrationBuilder.DropTable(
                name: "OversightMinutes");

            migrationBuilder.DropTable(
                name: "Challenges");

            migrationBuilder.DropTable(
                name: "OversightMeetings");
        }
    }
}
