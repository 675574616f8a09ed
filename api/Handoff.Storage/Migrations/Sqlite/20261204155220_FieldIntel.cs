using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Handoff.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FieldIntel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FieldReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RsmId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", nullable: false),
                    Departed = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Arrived = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldReports_Rsms_RsmId",
                        column: x => x.RsmId,
                        principalTable: "Rsms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScopeKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TerritoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AverageSpeedKmh = table.Column<double>(type: "REAL", nullable: true),
                    BufferBeforeMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    BufferAfterMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    LobbyWaitMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    LongestDriveMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelProfiles_Territories_TerritoryId",
                        column: x => x.TerritoryId,
                        principalTable: "Territories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FieldReports_Departed",
                table: "FieldReports",
                column: "Departed");

            migrationBuilder.CreateIndex(
                name: "IX_FieldReports_RsmId_Departed",
                table: "FieldReports",
                columns: new[] { "RsmId", "Departed" });

            migrationBuilder.CreateIndex(
                name: "IX_TravelProfiles_Scope_ScopeKey",
                table: "TravelProfiles",
                columns: new[] { "Scope", "ScopeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TravelProfiles_TerritoryId",
                table: "TravelProfiles",
                column: "TerritoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FieldReports");

            migrationBuilder.DropTable(
                name: "TravelProfiles");
        }
    }
}
