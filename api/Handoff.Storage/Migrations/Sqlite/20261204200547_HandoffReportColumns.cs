using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Handoff.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HandoffReportColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CheckedCodes",
                table: "Handoffs",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Handoffs",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "OutcomeAmount",
                table: "Handoffs",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OutcomeEnd",
                table: "Handoffs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OutcomeStart",
                table: "Handoffs",
                type: "TEXT",
                nullable: true);

            // Backfill the report copies from the outcome and the draft check log (kept in step on every later write).
            migrationBuilder.Sql(
                """
                UPDATE "Handoffs" SET
                    "Outcome" = (SELECT o."Kind" FROM "HandoffOutcomes" o WHERE o."HandoffId" = "Handoffs"."Id"),
                    "OutcomeStart" = (SELECT o."NewStart" FROM "HandoffOutcomes" o WHERE o."HandoffId" = "Handoffs"."Id"),
                    "OutcomeEnd" = (SELECT o."NewEnd" FROM "HandoffOutcomes" o WHERE o."HandoffId" = "Handoffs"."Id"),
                    "OutcomeAmount" = (SELECT o."Amount" FROM "HandoffOutcomes" o WHERE o."HandoffId" = "Handoffs"."Id"),
                    "CheckedCodes" = (SELECT c."SeenCodes" FROM "DraftCheckLogs" c WHERE c."HandoffKey" = "Handoffs"."Key");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CheckedCodes",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "OutcomeAmount",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "OutcomeEnd",
                table: "Handoffs");

            migrationBuilder.DropColumn(
                name: "OutcomeStart",
                table: "Handoffs");
        }
    }
}
