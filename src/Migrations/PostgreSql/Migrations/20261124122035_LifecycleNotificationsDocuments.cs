using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kezek.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class LifecycleNotificationsDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "TurnSequence",
                table: "Regions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "EndedAt",
                table: "Directions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExtendableUntil",
                table: "Directions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "Extensions",
                table: "Directions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "PlaceId",
                table: "Directions",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTime>(
                name: "RemindedAt",
                table: "Directions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevokeUntil",
                table: "Directions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "DeadlineAt",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Expirations",
                table: "Applications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Restored",
                table: "Applications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Applications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "Queued");

            migrationBuilder.AddColumn<DateTime>(
                name: "StopListedUntil",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WaitingForKindergartenId",
                table: "Applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WaitingForLanguage",
                table: "Applications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WaitingSince",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContactPreferences",
                columns: table => new
                {
                    Iin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPreferences", x => x.Iin);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DirectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Facts = table.Column<string>(type: "text", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VerificationCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ContentRu = table.Column<string>(type: "text", nullable: true),
                    ContentKk = table.Column<string>(type: "text", nullable: true),
                    Sha256Ru = table.Column<string>(type: "text", nullable: true),
                    Sha256Kk = table.Column<string>(type: "text", nullable: true),
                    PdfRu = table.Column<byte[]>(type: "bytea", nullable: true),
                    PdfKk = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    RecipientIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Template = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Data = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    PossibleDuplicates = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Places",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KindergartenId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GroupYear = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Mode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TakenByApplicationId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Places", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowTimers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    RetryAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowTimers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowVersions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    ActivatedByIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ActivatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowVersions", x => new { x.Name, x.Version });
                });

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "aktobe",
                column: "TurnSequence",
                value: 0L);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "almaty",
                column: "TurnSequence",
                value: 0L);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "astana",
                column: "TurnSequence",
                value: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Directions_PlaceId",
                table: "Directions",
                column: "PlaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RegionCode_GroupYear_Status",
                table: "Applications",
                columns: new[] { "RegionCode", "GroupYear", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ApplicationId",
                table: "Documents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_VerificationCode",
                table: "Documents",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ApplicationId",
                table: "Notifications",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientIin",
                table: "Notifications",
                column: "RecipientIin");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Status_Id",
                table: "Notifications",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Places_KindergartenId_GroupYear_Language_TakenByApplication~",
                table: "Places",
                columns: new[] { "KindergartenId", "GroupYear", "Language", "TakenByApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Places_RegionCode_GroupYear_TakenByApplicationId_Mode",
                table: "Places",
                columns: new[] { "RegionCode", "GroupYear", "TakenByApplicationId", "Mode" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTimers_ApplicationId",
                table: "WorkflowTimers",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTimers_Status_DueAt",
                table: "WorkflowTimers",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactPreferences");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Places");

            migrationBuilder.DropTable(
                name: "WorkflowTimers");

            migrationBuilder.DropTable(
                name: "WorkflowVersions");

            migrationBuilder.DropIndex(
                name: "IX_Directions_PlaceId",
                table: "Directions");

            migrationBuilder.DropIndex(
                name: "IX_Applications_RegionCode_GroupYear_Status",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "TurnSequence",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Directions");

            migrationBuilder.DropColumn(
                name: "ExtendableUntil",
                table: "Directions");

            migrationBuilder.DropColumn(
                name: "Extensions",
                table: "Directions");

            migrationBuilder.DropColumn(
                name: "PlaceId",
                table: "Directions");

            migrationBuilder.DropColumn(
                name: "RemindedAt",
                table: "Directions");

            migrationBuilder.DropColumn(
                name: "RevokeUntil",
                table: "Directions");

            migrationBuilder.DropColumn(
                name: "DeadlineAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Expirations",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Restored",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "StopListedUntil",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "WaitingForKindergartenId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "WaitingForLanguage",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "WaitingSince",
                table: "Applications");
        }
    }
}
