using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.PostgreSql.Migrations
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "State");

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
