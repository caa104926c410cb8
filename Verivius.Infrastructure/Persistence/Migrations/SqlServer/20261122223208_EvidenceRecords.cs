using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Verivius.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EvidenceRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvidenceLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OwnerKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EvidenceKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    EvidenceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WrittenAs = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceLinks_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Packs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Packs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Packs_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_StaffRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_Type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supervision_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_Course = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_Mandatory = table.Column<bool>(type: "bit", nullable: false),
                    Details_PlannedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_Role = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_StaffRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Training", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Training_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PackVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PackId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    StoredName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RowCounts = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PackVersions_Packs_PackId",
                        column: x => x.PackId,
                        principalTable: "Packs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SourceKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    SourceRecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ClosureEvidenceKind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    ClosureEvidenceId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Details_ActionRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_Area = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Details_ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_EvidenceRef = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Outcome = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Owner = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_Source = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_SourceRef = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_Title = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssuranceStatements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Details_Area = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_Confidence = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_EvidenceRefs = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_QualityStatement = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Rating = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_Statement = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_StatementRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssuranceStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssuranceStatements_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssuranceStatements_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AttachmentCategory = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    File_ContentType = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    File_Sha256 = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    File_SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    File_StoredName = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attachments_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attachments_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Audits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Details_AuditRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_AuditType = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_ScorePercent = table.Column<double>(type: "float", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Audits_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Audits_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Details_FeedbackRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_From = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_Sentiment = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_Theme = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_WeDid = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_WeDidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_YouSaid = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Feedback_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Feedback_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Details_Narrative = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_QualityStatement = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_Rating = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Staffing",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Details_AgencyHours = table.Column<double>(type: "float", nullable: false),
                    Details_LateCare = table.Column<int>(type: "int", nullable: true),
                    Details_Leavers = table.Column<int>(type: "int", nullable: true),
                    Details_MissedCare = table.Column<int>(type: "int", nullable: true),
                    Details_ShiftsPlanned = table.Column<int>(type: "int", nullable: false),
                    Details_ShiftsUnfilled = table.Column<int>(type: "int", nullable: false),
                    Details_Starters = table.Column<int>(type: "int", nullable: true),
                    Details_TotalHours = table.Column<double>(type: "float", nullable: false),
                    Details_Vacancies = table.Column<int>(type: "int", nullable: true),
                    Details_WeekStarting = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Staffing", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Staffing_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Staffing_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Details_ActionRef = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_CarePlanUpdateRequired = table.Column<bool>(type: "bit", nullable: true),
                    Details_CarePlanUpdatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_ComplaintRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_Learning = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Outcome = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Details_ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_Theme = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Details_ActionRef = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_ApologyGiven = table.Column<bool>(type: "bit", nullable: true),
                    Details_CandourApplies = table.Column<bool>(type: "bit", nullable: false),
                    Details_CandourInPersonOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_CandourWrittenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_Category = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_CqcNotifiable = table.Column<bool>(type: "bit", nullable: false),
                    Details_IncidentRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_NotificationSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_NotificationType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Details_OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_Severity = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_Status = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Details_ActionRef = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Finding = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_FindingRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_Regulation = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFindings_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecoveryRisks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CurrentActionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Details_Area = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_BaselineIssue = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_CurrentActionRef = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_EvidenceRefs = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_EvidenceSource = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Owner = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_ReviewRoute = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Risk = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_RiskRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_Target = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Trend = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecoveryRisks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecoveryRisks_Actions_CurrentActionId",
                        column: x => x.CurrentActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecoveryRisks_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecoveryRisks_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MinutesAttachmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Details_Attendees = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Chair = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_MeetingRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_MinutesRef = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Type = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Attachments_MinutesAttachmentId",
                        column: x => x.MinutesAttachmentId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Meetings_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Meetings_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AuditThemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuditId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Details_Area = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Details_Result = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Details_Theme = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditThemes_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ActionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Details_ActionRef = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_Decision = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_DecisionRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_MeetingRef = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Details_Owner = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details_ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Ref = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_PackVersions_PackVersionId",
                        column: x => x.PackVersionId,
                        principalTable: "PackVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_PackVersionId",
                table: "Actions",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_SiteId_Ref",
                table: "Actions",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Actions_SiteId_SourceKind_SourceRecordId",
                table: "Actions",
                columns: new[] { "SiteId", "SourceKind", "SourceRecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceStatements_PackVersionId",
                table: "AssuranceStatements",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_AssuranceStatements_SiteId_Ref",
                table: "AssuranceStatements",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_PackVersionId",
                table: "Attachments",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_SiteId_Ref",
                table: "Attachments",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Audits_PackVersionId",
                table: "Audits",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Audits_SiteId_Ref",
                table: "Audits",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditThemes_AuditId",
                table: "AuditThemes",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ActionId",
                table: "Complaints",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_PackVersionId",
                table: "Complaints",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_SiteId_Ref",
                table: "Complaints",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ActionId",
                table: "Decisions",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_MeetingId",
                table: "Decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_PackVersionId",
                table: "Decisions",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SiteId_Ref",
                table: "Decisions",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceLinks_EvidenceKind_EvidenceId",
                table: "EvidenceLinks",
                columns: new[] { "EvidenceKind", "EvidenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceLinks_OwnerKind_OwnerId",
                table: "EvidenceLinks",
                columns: new[] { "OwnerKind", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceLinks_SiteId",
                table: "EvidenceLinks",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_PackVersionId",
                table: "Feedback",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_SiteId_Ref",
                table: "Feedback",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ActionId",
                table: "Incidents",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_PackVersionId",
                table: "Incidents",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_SiteId_Ref",
                table: "Incidents",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_ActionId",
                table: "InspectionFindings",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_PackVersionId",
                table: "InspectionFindings",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFindings_SiteId_Ref",
                table: "InspectionFindings",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_MinutesAttachmentId",
                table: "Meetings",
                column: "MinutesAttachmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_PackVersionId",
                table: "Meetings",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_SiteId_Ref",
                table: "Meetings",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Packs_SiteId_Period",
                table: "Packs",
                columns: new[] { "SiteId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PackVersions_PackId_Number",
                table: "PackVersions",
                columns: new[] { "PackId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryRisks_CurrentActionId",
                table: "RecoveryRisks",
                column: "CurrentActionId");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryRisks_PackVersionId",
                table: "RecoveryRisks",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_RecoveryRisks_SiteId_Ref",
                table: "RecoveryRisks",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_PackVersionId",
                table: "SelfAssessments",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_SiteId_Ref",
                table: "SelfAssessments",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Staffing_PackVersionId",
                table: "Staffing",
                column: "PackVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Staffing_SiteId_Ref",
                table: "Staffing",
                columns: new[] { "SiteId", "Ref" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_SiteId_Period",
                table: "Supervision",
                columns: new[] { "SiteId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_Training_SiteId_Period",
                table: "Training",
                columns: new[] { "SiteId", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssuranceStatements");

            migrationBuilder.DropTable(
                name: "AuditThemes");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "EvidenceLinks");

            migrationBuilder.DropTable(
                name: "Feedback");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "InspectionFindings");

            migrationBuilder.DropTable(
                name: "RecoveryRisks");

            migrationBuilder.DropTable(
                name: "SelfAssessments");

            migrationBuilder.DropTable(
                name: "Staffing");

            migrationBuilder.DropTable(
                name: "Supervision");

            migrationBuilder.DropTable(
                name: "Training");

            migrationBuilder.DropTable(
                name: "Audits");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "PackVersions");

            migrationBuilder.DropTable(
                name: "Packs");
        }
    }
}
