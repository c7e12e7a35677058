using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Kezek.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GroupYear = table.Column<int>(type: "integer", nullable: false),
                    ChildIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ChildFullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChildNameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChildBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicantIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ApplicantFullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantNameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantBirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ApplicantPhone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApplicantEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ClaimedBenefit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Benefit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    QueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InQueue = table.Column<bool>(type: "boolean", nullable: false),
                    QueueRank = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    ActiveChildIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CivilRegistryRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ChildFullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChildBirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ParentIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ParentFullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Relation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CivilRegistryRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Nonces",
                columns: table => new
                {
                    Value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuedToIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nonces", x => x.Value);
                });

            migrationBuilder.CreateTable(
                name: "NumberSequences",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastValue = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NumberSequences", x => new { x.RegionCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameRu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameKk = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NumberPrefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "RoleGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Iin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Bin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    GrantedByIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedByIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Iin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.TokenHash);
                });

            migrationBuilder.CreateTable(
                name: "StaffActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffActions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationParents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Iin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Relation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AttachedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationParents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationParents_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    KindergartenId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directions_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HistoryEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorIin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SignedXml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HistoryEntries_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Kindergartens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Bin = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    NameRu = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameKk = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Languages = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Ownership = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kindergartens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kindergartens_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Regions",
                columns: new[] { "Code", "NameEn", "NameKk", "NameRu", "NumberPrefix", "TimeZoneId" },
                values: new object[,]
                {
                    { "aktobe", "Aktobe", "Ақтөбе қ.", "г. Актобе", "UO", "Asia/Almaty" },
                    { "almaty", "Almaty", "Алматы қ.", "г. Алматы", "ALM", "Asia/Almaty" },
                    { "astana", "Astana", "Астана қ.", "г. Астана", "AST", "Asia/Almaty" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationParents_ApplicationId_Iin",
                table: "ApplicationParents",
                columns: new[] { "ApplicationId", "Iin" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationParents_Iin",
                table: "ApplicationParents",
                column: "Iin");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ApplicantIin",
                table: "Applications",
                column: "ApplicantIin");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_ChildIin",
                table: "Applications",
                column: "ChildIin");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Number",
                table: "Applications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RegionCode_ActiveChildIin",
                table: "Applications",
                columns: new[] { "RegionCode", "ActiveChildIin" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RegionCode_GroupYear_InQueue_QueueRank_QueuedA~",
                table: "Applications",
                columns: new[] { "RegionCode", "GroupYear", "InQueue", "QueueRank", "QueuedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CivilRegistryRecords_ChildIin_ParentIin",
                table: "CivilRegistryRecords",
                columns: new[] { "ChildIin", "ParentIin" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directions_ApplicationId",
                table: "Directions",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Directions_KindergartenId",
                table: "Directions",
                column: "KindergartenId");

            migrationBuilder.CreateIndex(
                name: "IX_HistoryEntries_ApplicationId",
                table: "HistoryEntries",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Kindergartens_Bin",
                table: "Kindergartens",
                column: "Bin",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kindergartens_RegionCode",
                table: "Kindergartens",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Nonces_ExpiresAt",
                table: "Nonces",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_Iin",
                table: "RoleGrants",
                column: "Iin");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_ExpiresAt",
                table: "Sessions",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationParents");

            migrationBuilder.DropTable(
                name: "CivilRegistryRecords");

            migrationBuilder.DropTable(
                name: "Directions");

            migrationBuilder.DropTable(
                name: "HistoryEntries");

            migrationBuilder.DropTable(
                name: "Kindergartens");

            migrationBuilder.DropTable(
                name: "Nonces");

            migrationBuilder.DropTable(
                name: "NumberSequences");

            migrationBuilder.DropTable(
                name: "RoleGrants");

            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.DropTable(
                name: "StaffActions");

            migrationBuilder.DropTable(
                name: "Applications");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
