using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Handoff.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HandoffOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LeadInAt",
                table: "Handoffs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProspectZone",
                table: "Handoffs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SentAnyway",
                table: "Handoffs",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Vertical",
                table: "Handoffs",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DraftCheckLogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandoffKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SdrKey = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    FirstAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstVerdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FirstCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LastVerdict = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SeenCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Checks = table.Column<int>(type: "INTEGER", nullable: false),
                    Changes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftCheckLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandoffOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandoffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HandoffKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    NewStart = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NewEnd = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CanceledBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HandoffVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoffOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HandoffOutcomes_Handoffs_HandoffId",
                        column: x => x.HandoffId,
                        principalTable: "Handoffs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HandoffTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Members = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Handoffs = table.Column<int>(type: "INTEGER", nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoffTargets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DraftCheckLogs_HandoffKey",
                table: "DraftCheckLogs",
                column: "HandoffKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HandoffOutcomes_HandoffId",
                table: "HandoffOutcomes",
                column: "HandoffId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HandoffTargets_Month_Scope_SubjectKey",
                table: "HandoffTargets",
                columns: new[] { "Month", "Scope", "SubjectKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DraftCheckLogs");

            migrationBuilder.DropTable(
                name: "HandoffOutcomes");

            migrationBuilder.DropTable(
                name: "HandoffTargets");

            migrationBuilder.DropColumn(
                name: "LeadInAt",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "ProspectZone",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "SentAnyway",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "Vertical",
                table: "Handoffs");
        }
    }
}
