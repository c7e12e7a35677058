using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Rankings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RankedKindergartens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Rank = table.Column<int>(type: "int", nullable: false),
                    KindergartenId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RankedKindergartens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RankedKindergartens_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RankedKindergartens_Kindergartens_KindergartenId",
                        column: x => x.KindergartenId,
                        principalTable: "Kindergartens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RankedKindergartens_ApplicationId_Rank",
                table: "RankedKindergartens",
                columns: new[] { "ApplicationId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RankedKindergartens_KindergartenId",
                table: "RankedKindergartens",
                column: "KindergartenId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RankedKindergartens");
        }
    }
}
