using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegionMoveAndTrust : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "HistoryEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherApplicationNumber",
                table: "HistoryEntries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherRegionCode",
                table: "HistoryEntries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "HistoryEntries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationEvidence",
                table: "HistoryEntries",
                type: "TEXT",
                maxLength: 32000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HistoryHead",
                table: "Applications",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HistoryAnchors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Applications = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoryAnchors", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HistoryAnchors_RegionCode_Day",
                table: "HistoryAnchors",
                columns: new[] { "RegionCode", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HistoryAnchors");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "HistoryEntries");

            migrationBuilder.DropColumn(
                name: "OtherApplicationNumber",
                table: "HistoryEntries");

            migrationBuilder.DropColumn(
                name: "OtherRegionCode",
                table: "HistoryEntries");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "HistoryEntries");

            migrationBuilder.DropColumn(
                name: "RevocationEvidence",
                table: "HistoryEntries");

            migrationBuilder.DropColumn(
                name: "HistoryHead",
                table: "Applications");
        }
    }
}
