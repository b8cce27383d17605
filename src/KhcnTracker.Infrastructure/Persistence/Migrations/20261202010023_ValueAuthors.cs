using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhcnTracker.Infrastructure.Persistence.Migrations
{
    /// <summary>Four eyes: every revision of a value keeps the list of those who entered, changed or submitted it.</summary>
    public partial class ValueAuthors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Authors",
                table: "reported_values",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");
            // Revisions made before the list was kept: who is known to have entered (last) and submitted them.
            migrationBuilder.Sql("""
                UPDATE reported_values
                SET "Authors" = CASE
                    WHEN "SubmittedBy" IS NULL OR lower("SubmittedBy") = lower("EnteredBy") THEN ARRAY["EnteredBy"]
                    ELSE ARRAY["EnteredBy", "SubmittedBy"] END;
                """);
            // The default stays, for rows written by plain SQL (bulk tools); the domain always fills the list.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Authors",
                table: "reported_values");
        }
    }
}
