using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class IntakeContactsLastChanged : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "LastChangedAt",
                table: "Applications",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Existing applications: their last history entry (or their registration) is their last change.
            migrationBuilder.Sql("UPDATE \"Applications\" SET \"LastChangedAt\" = COALESCE((SELECT MAX(h.\"At\") FROM \"HistoryEntries\" h WHERE h.\"ApplicationId\" = \"Applications\".\"Id\"), \"CreatedAt\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "LastChangedAt",
                table: "Applications");
        }
    }
}
