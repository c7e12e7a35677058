using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KindergartenGroups");

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
        }
    }
}
