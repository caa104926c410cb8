using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Verivius.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostgreSqlInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentFrameworks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    KeyQuestion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFrameworks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChangeLog",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Entity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Operation = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true),
                    After = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Keyed = table.Column<bool>(type: "boolean", nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeLog", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HistoryCheckpoints",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    EntryHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoryCheckpoints", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "Providers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Providers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    RecordKinds = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrameworkItems_AssessmentFrameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "AssessmentFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Permissions = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Thresholds_ActionOverdueDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_ActionOverdueHighDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_AppraisalDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_AuditHeadlinePercent = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_AuditThemeFailures = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_AuditThemeWindow = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_CandourWrittenWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_CarePlanUpdateDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_ContradictionPercent = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_EvidenceCurrentDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_FeedbackResponseDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_MatrixStaleDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_MatrixTooCleanStaff = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_MeetingGapDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_NotificationDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_PackMissingDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_RiskReviewOverdueDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_StalledClosureDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_StalledOpenActions = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_SupervisionAmberBelowPercent = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_SupervisionDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_SupervisionRedBelowPercent = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_SystemicRiskSites = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_TrainingAmberBelowPercent = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_TrainingRedBelowPercent = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_UnansweredDays = table.Column<int>(type: "integer", nullable: false),
                    Thresholds_UnfilledShiftPercent = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                name: "DocumentSchedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Cron = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentSchedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentSchedules_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OversightMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                name: "ReadinessMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    StatementCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordKinds = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadinessMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReadinessMappings_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegisteredManager = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    ReportingFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    CqcRating = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CqcRatingPublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CqcWellLedRating = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CqcReportUrl = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sites_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApiCalls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApiTokenId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiCalls_ApiTokens_ApiTokenId",
                        column: x => x.ApiTokenId,
                        principalTable: "ApiTokens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Device = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedBecause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokenSites",
                columns: table => new
                {
                    ApiTokenId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokenSites", x => new { x.ApiTokenId, x.SiteId });
                    table.ForeignKey(
                        name: "FK_ApiTokenSites_ApiTokens_ApiTokenId",
                        column: x => x.ApiTokenId,
                        principalTable: "ApiTokens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApiTokenSites_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Severity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Subjects = table.Column<string>(type: "text", nullable: false),
                    Finding = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Resolution = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenSince = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConditionHolds = table.Column<bool>(type: "boolean", nullable: false),
                    EscalatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EscalationReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                name: "EvidenceLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvidenceKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    WrittenAs = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                name: "GovernanceDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: true),
                    CommissionerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ScopeName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DataAsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ScheduleSlot = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Stage = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    GeneratedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StoredName = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceDocuments_Providers_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Providers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GovernanceDocuments_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Packs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                name: "SiteAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteAssignments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SiteAssignments_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_StaffRef = table.Column<string>(type: "text", nullable: false),
                    Details_Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_Course = table.Column<string>(type: "text", nullable: false),
                    Details_ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_Mandatory = table.Column<bool>(type: "boolean", nullable: false),
                    Details_PlannedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_Role = table.Column<string>(type: "text", nullable: false),
                    Details_StaffRef = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                name: "ChallengeEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                name: "ChallengeSubjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Ref = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeSubjects_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OversightMinutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChallengeId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Decision = table.Column<string>(type: "character varying(4400)", maxLength: 4400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PackVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PackId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowCounts = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SourceRecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosureEvidenceKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ClosureEvidenceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_ActionRef = table.Column<string>(type: "text", nullable: false),
                    Details_Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Details_ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_EvidenceRef = table.Column<string>(type: "text", nullable: true),
                    Details_Outcome = table.Column<string>(type: "text", nullable: true),
                    Details_Owner = table.Column<string>(type: "text", nullable: true),
                    Details_RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_SourceRef = table.Column<string>(type: "text", nullable: true),
                    Details_Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_Title = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Details_Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_Confidence = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_EvidenceRefs = table.Column<string>(type: "text", nullable: true),
                    Details_QualityStatement = table.Column<string>(type: "text", nullable: true),
                    Details_Rating = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_Statement = table.Column<string>(type: "text", nullable: false),
                    Details_StatementRef = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AttachmentCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    File_ContentType = table.Column<string>(type: "text", nullable: false),
                    File_Sha256 = table.Column<string>(type: "text", nullable: false),
                    File_SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    File_StoredName = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Details_AuditRef = table.Column<string>(type: "text", nullable: false),
                    Details_AuditType = table.Column<string>(type: "text", nullable: false),
                    Details_HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_ScorePercent = table.Column<double>(type: "double precision", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Details_FeedbackRef = table.Column<string>(type: "text", nullable: false),
                    Details_From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_Sentiment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_Theme = table.Column<string>(type: "text", nullable: false),
                    Details_WeDid = table.Column<string>(type: "text", nullable: true),
                    Details_WeDidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_YouSaid = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Details_Narrative = table.Column<string>(type: "text", nullable: true),
                    Details_QualityStatement = table.Column<string>(type: "text", nullable: false),
                    Details_Rating = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Details_AgencyHours = table.Column<double>(type: "double precision", nullable: false),
                    Details_LateCare = table.Column<int>(type: "integer", nullable: true),
                    Details_Leavers = table.Column<int>(type: "integer", nullable: true),
                    Details_MissedCare = table.Column<int>(type: "integer", nullable: true),
                    Details_ShiftsPlanned = table.Column<int>(type: "integer", nullable: false),
                    Details_ShiftsUnfilled = table.Column<int>(type: "integer", nullable: false),
                    Details_Starters = table.Column<int>(type: "integer", nullable: true),
                    Details_TotalHours = table.Column<double>(type: "double precision", nullable: false),
                    Details_Vacancies = table.Column<int>(type: "integer", nullable: true),
                    Details_WeekStarting = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_ActionRef = table.Column<string>(type: "text", nullable: true),
                    Details_CarePlanUpdateRequired = table.Column<bool>(type: "boolean", nullable: true),
                    Details_CarePlanUpdatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_ComplaintRef = table.Column<string>(type: "text", nullable: false),
                    Details_Learning = table.Column<string>(type: "text", nullable: true),
                    Details_Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Details_ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_Theme = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_ActionRef = table.Column<string>(type: "text", nullable: true),
                    Details_ApologyGiven = table.Column<bool>(type: "boolean", nullable: true),
                    Details_CandourApplies = table.Column<bool>(type: "boolean", nullable: false),
                    Details_CandourInPersonOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_CandourWrittenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_CqcNotifiable = table.Column<bool>(type: "boolean", nullable: false),
                    Details_IncidentRef = table.Column<string>(type: "text", nullable: false),
                    Details_NotificationSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_NotificationType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Details_OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_Severity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_ActionRef = table.Column<string>(type: "text", nullable: true),
                    Details_Finding = table.Column<string>(type: "text", nullable: false),
                    Details_FindingRef = table.Column<string>(type: "text", nullable: false),
                    Details_InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_Regulation = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CurrentActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_BaselineIssue = table.Column<string>(type: "text", nullable: true),
                    Details_CurrentActionRef = table.Column<string>(type: "text", nullable: true),
                    Details_EvidenceRefs = table.Column<string>(type: "text", nullable: true),
                    Details_EvidenceSource = table.Column<string>(type: "text", nullable: true),
                    Details_Owner = table.Column<string>(type: "text", nullable: true),
                    Details_ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Details_ReviewRoute = table.Column<string>(type: "text", nullable: true),
                    Details_Risk = table.Column<string>(type: "text", nullable: false),
                    Details_RiskRef = table.Column<string>(type: "text", nullable: false),
                    Details_Target = table.Column<string>(type: "text", nullable: true),
                    Details_Trend = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MinutesAttachmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_Attendees = table.Column<string>(type: "text", nullable: true),
                    Details_Chair = table.Column<string>(type: "text", nullable: true),
                    Details_HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details_MeetingRef = table.Column<string>(type: "text", nullable: false),
                    Details_MinutesRef = table.Column<string>(type: "text", nullable: true),
                    Details_Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditId = table.Column<Guid>(type: "uuid", nullable: false),
                    Details_Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Details_Result = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Details_Theme = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    MadeOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Details_ActionRef = table.Column<string>(type: "text", nullable: true),
                    Details_Decision = table.Column<string>(type: "text", nullable: false),
                    Details_DecisionRef = table.Column<string>(type: "text", nullable: false),
                    Details_MeetingRef = table.Column<string>(type: "text", nullable: false),
                    Details_Owner = table.Column<string>(type: "text", nullable: true),
                    Details_ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PackVersionId = table.Column<Guid>(type: "uuid", nullable: true)
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

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "role-Commissioner", "role-Commissioner", "Commissioner", "COMMISSIONER" },
                    { "role-NominatedIndividual", "role-NominatedIndividual", "NominatedIndividual", "NOMINATEDINDIVIDUAL" },
                    { "role-ProviderAdmin", "role-ProviderAdmin", "ProviderAdmin", "PROVIDERADMIN" },
                    { "role-RegisteredManager", "role-RegisteredManager", "RegisteredManager", "REGISTEREDMANAGER" }
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
                name: "IX_ApiCalls_ApiTokenId_At",
                table: "ApiCalls",
                columns: new[] { "ApiTokenId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_ProviderId_Name",
                table: "ApiTokens",
                columns: new[] { "ProviderId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_SecretHash",
                table: "ApiTokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokenSites_SiteId",
                table: "ApiTokenSites",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ProviderId",
                table: "AspNetUsers",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFrameworks_Version",
                table: "AssessmentFrameworks",
                column: "Version",
                unique: true);

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
                name: "IX_ChallengeSubjects_ChallengeId",
                table: "ChallengeSubjects",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeSubjects_SiteId_Kind_Ref",
                table: "ChallengeSubjects",
                columns: new[] { "SiteId", "Kind", "Ref" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeLog_Entity_EntityKey",
                table: "ChangeLog",
                columns: new[] { "Entity", "EntityKey" });

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
                name: "IX_DocumentSchedules_ProviderId_Kind",
                table: "DocumentSchedules",
                columns: new[] { "ProviderId", "Kind" },
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
                name: "IX_FrameworkItems_FrameworkId_Kind_Code",
                table: "FrameworkItems",
                columns: new[] { "FrameworkId", "Kind", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDocuments_CommissionerId",
                table: "GovernanceDocuments",
                column: "CommissionerId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDocuments_ProviderId_Kind_Period",
                table: "GovernanceDocuments",
                columns: new[] { "ProviderId", "Kind", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDocuments_ScheduleSlot",
                table: "GovernanceDocuments",
                column: "ScheduleSlot",
                unique: true,
                filter: "\"ScheduleSlot\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceDocuments_SiteId",
                table: "GovernanceDocuments",
                column: "SiteId");

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
                name: "IX_Providers_Name",
                table: "Providers",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReadinessMappings_ProviderId_StatementCode",
                table: "ReadinessMappings",
                columns: new[] { "ProviderId", "StatementCode" },
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
                name: "IX_SiteAssignments_SiteId",
                table: "SiteAssignments",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteAssignments_UserId_SiteId_Kind",
                table: "SiteAssignments",
                columns: new[] { "UserId", "SiteId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sites_Code",
                table: "Sites",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sites_ProviderId_Name",
                table: "Sites",
                columns: new[] { "ProviderId", "Name" });

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

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId_EndedAt",
                table: "UserSessions",
                columns: new[] { "UserId", "EndedAt" });

            // The change log is append-only, as on the other engines: a trigger refuses any change or
            // deletion (TRUNCATE too), whoever asks, and no role but the owner is granted them.
            migrationBuilder.Sql("""
                CREATE FUNCTION "ChangeLog_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The change log is append-only: an entry cannot be changed or deleted.' USING ERRCODE = 'P0001';
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ChangeLog_NoChange" BEFORE UPDATE OR DELETE ON "ChangeLog"
                FOR EACH ROW EXECUTE FUNCTION "ChangeLog_AppendOnly"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ChangeLog_NoTruncate" BEFORE TRUNCATE ON "ChangeLog"
                FOR EACH STATEMENT EXECUTE FUNCTION "ChangeLog_AppendOnly"();
                """);
            migrationBuilder.Sql("""REVOKE UPDATE, DELETE, TRUNCATE ON "ChangeLog" FROM PUBLIC;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ChangeLog_NoTruncate" ON "ChangeLog";""");
            migrationBuilder.Sql("""DROP TRIGGER "ChangeLog_NoChange" ON "ChangeLog";""");
            migrationBuilder.Sql("""DROP FUNCTION "ChangeLog_AppendOnly"();""");
            migrationBuilder.DropTable(
                name: "ApiCalls");

            migrationBuilder.DropTable(
                name: "ApiTokenSites");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AssuranceStatements");

            migrationBuilder.DropTable(
                name: "AuditThemes");

            migrationBuilder.DropTable(
                name: "ChallengeEvents");

            migrationBuilder.DropTable(
                name: "ChallengeSettings");

            migrationBuilder.DropTable(
                name: "ChallengeSubjects");

            migrationBuilder.DropTable(
                name: "ChangeLog");

            migrationBuilder.DropTable(
                name: "Complaints");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "DocumentSchedules");

            migrationBuilder.DropTable(
                name: "EvidenceLinks");

            migrationBuilder.DropTable(
                name: "Feedback");

            migrationBuilder.DropTable(
                name: "FrameworkItems");

            migrationBuilder.DropTable(
                name: "GovernanceDocuments");

            migrationBuilder.DropTable(
                name: "HistoryCheckpoints");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "InspectionFindings");

            migrationBuilder.DropTable(
                name: "OversightMinutes");

            migrationBuilder.DropTable(
                name: "ReadinessMappings");

            migrationBuilder.DropTable(
                name: "RecoveryRisks");

            migrationBuilder.DropTable(
                name: "SelfAssessments");

            migrationBuilder.DropTable(
                name: "SiteAssignments");

            migrationBuilder.DropTable(
                name: "Staffing");

            migrationBuilder.DropTable(
                name: "Supervision");

            migrationBuilder.DropTable(
                name: "Training");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Audits");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "AssessmentFrameworks");

            migrationBuilder.DropTable(
                name: "Challenges");

            migrationBuilder.DropTable(
                name: "OversightMeetings");

            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "PackVersions");

            migrationBuilder.DropTable(
                name: "Packs");

            migrationBuilder.DropTable(
                name: "Sites");

            migrationBuilder.DropTable(
                name: "Providers");
        }
    }
}
