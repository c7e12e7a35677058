using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OperatorsHalf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "WorkflowTimers",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "State");

            migrationBuilder.AddColumn<string>(
                name: "SupportEmail",
                table: "Regions",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportHoursKk",
                table: "Regions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportHoursRu",
                table: "Regions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportPhone",
                table: "Regions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressKk",
                table: "Kindergartens",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Kindergartens",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Kindergartens",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Benefit",
                table: "HistoryEntries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "HistoryEntries",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QueueNumberAfter",
                table: "HistoryEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QueueNumberBefore",
                table: "HistoryEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantAdditionalEmail",
                table: "Applications",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantAdditionalPhone",
                table: "Applications",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantAddress",
                table: "Applications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "BenefitConfirmedAt",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BenefitDocumentNumber",
                table: "Applications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BenefitDocumentType",
                table: "Applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BenefitEvidence",
                table: "Applications",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BenefitValidUntil",
                table: "Applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastChangedAt",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "KindergartenGroups",
                columns: table => new
                {
                    KindergartenId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupYear = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KindergartenGroups", x => new { x.KindergartenId, x.GroupYear, x.Language });
                    table.ForeignKey(
                        name: "FK_KindergartenGroups_Kindergartens_KindergartenId",
                        column: x => x.KindergartenId,
                        principalTable: "Kindergartens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "aktobe",
                columns: new[] { "SupportEmail", "SupportHoursKk", "SupportHoursRu", "SupportPhone" },
                values: new object[] { null, null, null, null });

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "almaty",
                columns: new[] { "SupportEmail", "SupportHoursKk", "SupportHoursRu", "SupportPhone" },
                values: new object[] { null, null, null, "1308" });

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "astana",
                columns: new[] { "SupportEmail", "SupportHoursKk", "SupportHoursRu", "SupportPhone" },
                values: new object[] { null, null, null, null });
        
            // Existing applications last changed at their latest history entry, or when they were made.
            migrationBuilder.Sql("UPDATE \"Applications\" SET \"LastChangedAt\" = COALESCE((SELECT MAX(h.\"At\") FROM \"HistoryEntries\" h WHERE h.\"ApplicationId\" = \"Applications\".\"Id\"), \"CreatedAt\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KindergartenGroups");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "WorkflowTimers");

            migrationBuilder.DropColumn(
                name: "SupportEmail",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "SupportHoursKk",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "SupportHoursRu",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "SupportPhone",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "AddressKk",
                table: "Kindergartens");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "Kindergartens");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "Kindergartens");

            migrationBuilder.DropColumn(
                name: "Benefit",
                table: "HistoryEntries");

            migrationBuilder.DropColumn(
                name: "Evidence",
                table: "HistoryEntries");

            migrationBuilder.DropColumn(
                name: "QueueNumberAfter",
                table: "HistoryEntries");

            migrationBuilder.DropColumn(
                name: "QueueNumberBefore",
                table: "HistoryEntries");

            migrationBuilder.DropColumn(
                name: "ApplicantAdditionalEmail",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ApplicantAdditionalPhone",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ApplicantAddress",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "BenefitConfirmedAt",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "BenefitDocumentNumber",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "BenefitDocumentType",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "BenefitEvidence",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "BenefitValidUntil",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "LastChangedAt",
                table: "Applications");
        }
    }
}
