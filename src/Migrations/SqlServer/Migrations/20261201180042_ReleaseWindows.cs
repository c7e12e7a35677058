using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReleaseWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AllocationRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    GroupYear = table.Column<int>(type: "int", nullable: false),
                    Mode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RuleSetName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RuleSetVersion = table.Column<int>(type: "int", nullable: false),
                    Seed = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    InputsHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Extract = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Families = table.Column<int>(type: "int", nullable: false),
                    Seats = table.Column<int>(type: "int", nullable: false),
                    Placed = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReleaseWindows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegionCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    GroupYear = table.Column<int>(type: "int", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    AllocationRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleaseWindows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AllocationOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    KindergartenId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Choice = table.Column<int>(type: "int", nullable: true),
                    Reasons = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AllocationOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AllocationOutcomes_AllocationRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "AllocationRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AllocationOutcomes_ApplicationId",
                table: "AllocationOutcomes",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_AllocationOutcomes_RunId_Position",
                table: "AllocationOutcomes",
                columns: new[] { "RunId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AllocationRuns_RegionCode",
                table: "AllocationRuns",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseWindows_RegionCode_GroupYear_Status",
                table: "ReleaseWindows",
                columns: new[] { "RegionCode", "GroupYear", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AllocationOutcomes");

            migrationBuilder.DropTable(
                name: "ReleaseWindows");

            migrationBuilder.DropTable(
                name: "AllocationRuns");
        }
    }
}
