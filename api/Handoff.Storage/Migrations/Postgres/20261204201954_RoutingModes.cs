using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Handoff.Storage.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Weight",
                table: "TerritoryAssignments",
                type: "double precision",
                nullable: false,
                defaultValue: 1.0);

            migrationBuilder.AddColumn<bool>(
                name: "CreditBack",
                table: "Territories",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RoutingMode",
                table: "Territories",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Priority");

            migrationBuilder.AddColumn<string>(
                name: "RoutingPeriod",
                table: "Territories",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Month");

            migrationBuilder.AddColumn<bool>(
                name: "Leave",
                table: "FieldPlans",
                type: "boolean",
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
