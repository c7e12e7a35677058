using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegionValuesFromRuleSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NumberPrefix",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "Regions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NumberPrefix",
                table: "Regions",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "Regions",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "aktobe",
                columns: new[] { "NumberPrefix", "TimeZoneId" },
                values: new object[] { "UO", "Asia/Almaty" });

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "almaty",
                columns: new[] { "NumberPrefix", "TimeZoneId" },
                values: new object[] { "ALM", "Asia/Almaty" });

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "astana",
                columns: new[] { "NumberPrefix", "TimeZoneId" },
                values: new object[] { "AST", "Asia/Almaty" });
        }
    }
}
