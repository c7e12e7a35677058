using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Benefits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "WorkflowTimers",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "State");

            migrationBuilder.AddColumn<string>(
                name: "Benefit",
                table: "HistoryEntries",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Evidence",
                table: "HistoryEntries",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QueueNumberAfter",
                table: "HistoryEntries",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QueueNumberBefore",
                table: "HistoryEntries",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "BenefitConfirmedAt",
                table: "Applications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BenefitDocumentNumber",
                table: "Applications",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BenefitDocumentType",
                table: "Applications",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BenefitEvidence",
                table: "Applications",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BenefitValidUntil",
                table: "Applications",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "WorkflowTimers");

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
        }
    }
}
