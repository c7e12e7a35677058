using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kezek.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
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
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowTimers", x => x.Id);
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
                name: "IX_Notifications_ApplicationId",
                table: "Notifications",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientIin",
                table: "Notifications",
                column: "RecipientIin");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_SentAt_Id",
                table: "Notifications",
                columns: new[] { "SentAt", "Id" });

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
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Places");

            migrationBuilder.DropTable(
                name: "WorkflowTimers");

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
                name: "Extensions",
                table: "Directions");

            migrationBuilder.DropColumn(
                name: "PlaceId",
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
        }
    }
}
