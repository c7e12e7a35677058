using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DocumentsRenderedAfterIssue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FactsSha256",
                table: "Documents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RenderClaimedUntil",
                table: "Documents",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RenderedAt",
                table: "Documents",
                type: "datetime2",
                nullable: true);

            // Documents issued before this were rendered at issue.
            migrationBuilder.Sql(@"UPDATE [Documents] SET [RenderedAt] = [IssuedAt] WHERE [ContentRu] IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ToRender",
                table: "Documents",
                column: "IssuedAt",
                filter: "\"RenderedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Documents_ToRender",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "FactsSha256",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "RenderClaimedUntil",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "RenderedAt",
                table: "Documents");
        }
    }
}
