using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "State");

            migrationBuilder.AddColumn<string>(
                name: "SupportEmail",
                table: "Regions",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportHoursKk",
                table: "Regions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportHoursRu",
                table: "Regions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportPhone",
                table: "Regions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressKk",
                table: "Kindergartens",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Kindergartens",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Kindergartens",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Benefit",
                table: "HistoryEntries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "HistoryEntries",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QueueNumberAfter",
                table: "HistoryEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QueueNumberBefore",
                table: "HistoryEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantAdditionalEmail",
                table: "Applications",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantAdditionalPhone",
                table: "Applications",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantAddress",
                table: "Applications",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "BenefitConfirmedAt",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BenefitDocumentNumber",
                table: "Applications",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BenefitDocumentType",
                table: "Applications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BenefitEvidence",
                table: "Applications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BenefitValidUntil",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastChangedAt",
                table: "Applications",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "KindergartenGroups",
                columns: table => new
                {
                    KindergartenId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false)
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
