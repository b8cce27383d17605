using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhcnTracker.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProgressIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_reported_values_approved",
                table: "reported_values",
                columns: new[] { "UnitCode", "IndicatorCode", "PeriodCode", "Revision" },
                filter: "\"Status\" = 'Approved'")
                .Annotation("Npgsql:IndexInclude", new[] { "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reported_values_approved",
                table: "reported_values");
        }
    }
}
