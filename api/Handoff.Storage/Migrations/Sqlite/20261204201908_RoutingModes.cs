using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Handoff.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoutingModes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AddedAt",
                table: "TerritoryAssignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Weight",
                table: "TerritoryAssignments",
                type: "REAL",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<bool>(
                name: "CreditBack",
                table: "Territories",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RoutingMode",
                table: "Territories",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Priority");

            migrationBuilder.AddColumn<string>(
                name: "RoutingPeriod",
                table: "Territories",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Month");

            migrationBuilder.AddColumn<bool>(
                name: "Leave",
                table: "FieldPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AddedAt",
                table: "TerritoryAssignments");

            migrationBuilder.DropColumn(
                name: "Weight",
                table: "TerritoryAssignments");

            migrationBuilder.DropColumn(
                name: "CreditBack",
                table: "Territories");

            migrationBuilder.DropColumn(
                name: "RoutingMode",
                table: "Territories");

            migrationBuilder.DropColumn(
                name: "RoutingPeriod",
                table: "Territories");

            migrationBuilder.DropColumn(
                name: "Leave",
                table: "FieldPlans");
        }
    }
}
