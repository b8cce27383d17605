using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhcnTracker.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorPlausibilityBand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FollowUp",
                table: "reported_values",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReachedOn",
                table: "reported_values",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExpectedMax",
                table: "indicators",
                type: "numeric(20,6)",
                precision: 20,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ExpectedMin",
                table: "indicators",
                type: "numeric(20,6)",
                precision: 20,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JumpWarningPercent",
                table: "indicators",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowUp",
                table: "reported_values");

            migrationBuilder.DropColumn(
                name: "ReachedOn",
                table: "reported_values");

            migrationBuilder.DropColumn(
                name: "ExpectedMax",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "ExpectedMin",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "JumpWarningPercent",
                table: "indicators");
        }
    }
}
