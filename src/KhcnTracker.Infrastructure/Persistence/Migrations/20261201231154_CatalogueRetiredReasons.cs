using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhcnTracker.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueRetiredReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredBy",
                table: "tasks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredReason",
                table: "tasks",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "targets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredBy",
                table: "targets",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredReason",
                table: "targets",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "indicators",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredBy",
                table: "indicators",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredReason",
                table: "indicators",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "documents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredBy",
                table: "documents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetiredReason",
                table: "documents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "RetiredBy",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "RetiredReason",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "RetiredBy",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "RetiredReason",
                table: "targets");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "RetiredBy",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "RetiredReason",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "RetiredBy",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "RetiredReason",
                table: "documents");
        }
    }
}
