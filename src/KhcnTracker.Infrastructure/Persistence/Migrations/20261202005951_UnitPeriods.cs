using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhcnTracker.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UnitPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_periods",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PeriodCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unit_periods", x => new { x.UnitCode, x.PeriodCode });
                    table.ForeignKey(
                        name: "FK_unit_periods_periods_PeriodCode",
                        column: x => x.PeriodCode,
                        principalTable: "periods",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_unit_periods_units_UnitCode",
                        column: x => x.UnitCode,
                        principalTable: "units",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_unit_periods_PeriodCode",
                table: "unit_periods",
                column: "PeriodCode");

            // Decision 0009: each unit runs its own periods. Every unit starts with the state its period had nationally.
            migrationBuilder.Sql(
                "INSERT INTO unit_periods (\"UnitCode\", \"PeriodCode\", \"State\") " +
                "SELECT u.\"Code\", p.\"Code\", p.\"State\" FROM periods p CROSS JOIN units u;");

            migrationBuilder.DropColumn(
                name: "State",
                table: "periods");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "periods",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.Sql(
                "UPDATE periods p SET \"State\" = CASE WHEN EXISTS (SELECT 1 FROM unit_periods x WHERE x.\"PeriodCode\" = p.\"Code\" AND x.\"State\" = 'Locked') " +
                "THEN 'Locked' ELSE 'Open' END;");

            migrationBuilder.DropTable(
                name: "unit_periods");
        }
    }
}
