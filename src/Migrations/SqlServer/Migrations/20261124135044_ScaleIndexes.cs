using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kezek.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Places_RegionCode_GroupYear_TakenByApplicationId_Mode",
                table: "Places");

            migrationBuilder.CreateIndex(
                name: "IX_Places_RegionCode_GroupYear_TakenByApplicationId_Mode_PublishedAt",
                table: "Places",
                columns: new[] { "RegionCode", "GroupYear", "TakenByApplicationId", "Mode", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Directions_Status_ExpiresAt",
                table: "Directions",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ActiveChildIin",
                table: "Applications",
                column: "ActiveChildIin");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ChildNameKey_ChildBirthDate",
                table: "Applications",
                columns: new[] { "ChildNameKey", "ChildBirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_WaitingForKindergartenId_WaitingSince",
                table: "Applications",
                columns: new[] { "WaitingForKindergartenId", "WaitingSince" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Places_RegionCode_GroupYear_TakenByApplicationId_Mode_PublishedAt",
                table: "Places");

            migrationBuilder.DropIndex(
                name: "IX_Directions_Status_ExpiresAt",
                table: "Directions");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ActiveChildIin",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_ChildNameKey_ChildBirthDate",
                table: "Applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_WaitingForKindergartenId_WaitingSince",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Places_RegionCode_GroupYear_TakenByApplicationId_Mode",
                table: "Places",
                columns: new[] { "RegionCode", "GroupYear", "TakenByApplicationId", "Mode" });
        }
    }
}
