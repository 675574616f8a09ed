using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Handoff.Storage.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProspectZone",
                table: "Handoffs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SentAnyway",
                table: "Handoffs",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Vertical",
                table: "Handoffs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DraftCheckLogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HandoffKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SdrKey = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    FirstAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FirstVerdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    LastVerdict = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LastCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SeenCodes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Checks = table.Column<int>(type: "integer", nullable: false),
                    Changes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftCheckLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandoffOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HandoffId = table.Column<Guid>(type: "uuid", nullable: false),
                    HandoffKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    NewStart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NewEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CanceledBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HandoffVersion = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Scope = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    SubjectKey = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Members = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Handoffs = table.Column<int>(type: "integer", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
