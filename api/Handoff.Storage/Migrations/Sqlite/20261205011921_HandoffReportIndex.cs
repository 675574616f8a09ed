using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Handoff.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HandoffReportIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_Report",
                table: "Handoffs",
                columns: new[] { "Start", "End", "SdrKey", "RsmKeys", "Territory", "Vertical", "CreatedAt", "LeadInAt", "SentAnyway", "ProspectZone", "Outcome", "OutcomeStart", "OutcomeEnd", "OutcomeAmount", "CheckedCodes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Handoffs_Report",
                table: "Handoffs");
        }
    }
}
