using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhcnTracker.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TasksProgressReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "task_progress_reports_hilo",
                incrementBy: 10);

            migrationBuilder.AddColumn<int>(
                name: "PercentDone",
                table: "tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "task_progress_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AgencyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Progress = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EnteredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Authors = table.Column<List<string>>(type: "text[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_progress_reports", x => x.Id);
                    table.CheckConstraint("CK_task_progress_reports_percent", "\"Percent\" BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "FK_task_progress_reports_agencies_UnitCode_AgencyCode",
                        columns: x => new { x.UnitCode, x.AgencyCode },
                        principalTable: "agencies",
                        principalColumns: new[] { "UnitCode", "Code" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_task_progress_reports_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "task_evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_task_evidence_task_progress_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "task_progress_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_task_evidence_ReportId",
                table: "task_evidence",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_task_progress_reports_TaskId_Revision",
                table: "task_progress_reports",
                columns: new[] { "TaskId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_task_progress_reports_UnitCode_AgencyCode",
                table: "task_progress_reports",
                columns: new[] { "UnitCode", "AgencyCode" });

            migrationBuilder.CreateIndex(
                name: "IX_task_progress_reports_UnitCode_Status",
                table: "task_progress_reports",
                columns: new[] { "UnitCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "task_evidence");

            migrationBuilder.DropTable(
                name: "task_progress_reports");

            migrationBuilder.DropColumn(
                name: "PercentDone",
                table: "tasks");

            migrationBuilder.DropSequence(
                name: "task_progress_reports_hilo");
        }
    }
}
