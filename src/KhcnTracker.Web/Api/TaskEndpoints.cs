using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Tasks;

namespace KhcnTracker.Web.Api;

public static class TaskEndpoints
{
    public sealed record ProgressRequest(uint? Version, string Status, int Percent, string? Note, bool Submit = false);

    /// <summary>The multipart form of a progress report with evidence: the fields of <see cref="ProgressRequest"/>, and files named <c>files</c>.</summary>
    public sealed class ProgressForm
    {
        public uint? Version { get; set; }
        public string Status { get; set; } = "";
        public int Percent { get; set; }
        public string? Note { get; set; }
        public bool Submit { get; set; }
    }
    public sealed record StepRequest(uint? Version);
    public sealed record ReturnRequest(string Reason, uint? Version);

    public static void MapTaskApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/tasks").WithTags("Tasks").AddEndpointFilter<ApiErrors>();

        api.MapGet("/progress", (ListTaskReports q, string? unit, string? status, CancellationToken ct) =>
                q.HandleAsync(new TaskReportFilter(unit, ApiWords.Optional(CatalogueWords.ValueStatus, status)), ct))
            .WithSummary("The latest progress report of each task in the caller's scope (status: draft, submitted, approved, returned)");
        api.MapGet("/{id:int}/progress", (ListTaskReports q, int id, CancellationToken ct) => q.HandleAsync(new TaskReportFilter(Task: id), ct))
            .WithSummary("Every revision of a task's progress report, oldest first");
        api.MapPost("/{id:int}/progress", (int id, ProgressRequest r, RecordTaskProgress command, CancellationToken ct) =>
                command.HandleAsync(new RecordTaskProgressCommand(id, r.Version, r.Status, r.Percent, r.Note, r.Submit), ct))
            .WithSummary("The lead agency's staff save their draft progress report (status not-started, in-progress, done; percent 0-100; note); " +
                         "version: the latest report's, omitted for a first report; submit: true submits it in the same transaction");
        // API writes take bearer tokens only (see Hosting/Authentication.cs): no cross-site request can post here.
        api.MapPost("/{id:int}/progress/with-evidence", (int id, [Microsoft.AspNetCore.Mvc.FromForm] ProgressForm r, IFormFileCollection files,
                RecordTaskProgress command, CancellationToken ct) =>
                command.HandleAsync(new RecordTaskProgressCommand(id, r.Version, r.Status, r.Percent, r.Note, r.Submit,
                    [.. files.Select(f => new Application.Reporting.EvidenceUpload(f.FileName, f.OpenReadStream))]), ct))
            .DisableAntiforgery()
            .WithSummary("Multipart: saves the progress report with its evidence files (field files) and submits it when submit=true, all in " +
                         "one transaction: a refused file or report leaves no row and no file");
        api.MapPost("/{id:int}/progress/submit", (TaskProgressWorkflow w, int id, StepRequest? r, CancellationToken ct) => w.SubmitAsync(id, r?.Version, ct))
            .WithSummary("Submits the task's draft or returned progress report for review");
        api.MapPost("/{id:int}/progress/approve", (TaskProgressWorkflow w, int id, StepRequest? r, CancellationToken ct) => w.ApproveAsync(id, r?.Version, ct))
            .WithSummary("The province's reviewer approves the submitted report: the task takes its status, percent and note");
        api.MapPost("/{id:int}/progress/return", (TaskProgressWorkflow w, int id, ReturnRequest r, CancellationToken ct) =>
                w.ReturnAsync(id, r.Version, r.Reason, ct))
            .WithSummary("The province's reviewer returns the submitted report with a reason");
        api.MapPost("/{id:int}/progress/evidence", (TaskEvidenceFiles files, int id, IFormFile file, CancellationToken ct) =>
                files.AttachAsync(id, file.FileName, file.OpenReadStream(), ct))
            .DisableAntiforgery()
            .WithSummary("Attaches an evidence file (PDF, DOCX, XLSX, PNG, JPEG; checked by content; size-limited) to the task's draft report");
        api.MapGet("/progress/{reportId:int}/evidence", async (TaskEvidenceFiles files, int reportId, CancellationToken ct) =>
                (await files.ListAsync([reportId], ct)).GetValueOrDefault(reportId) ?? [])
            .WithSummary("A progress report's evidence files with their SHA-256");
        api.MapGet("/evidence/{id:guid}", async (TaskEvidenceFiles files, Guid id, CancellationToken ct) =>
            {
                var (file, content) = await files.OpenAsync(id, ct);
                return Results.File(content, file.ContentType, file.FileName);
            })
            .WithSummary("Downloads a task report's evidence file (those who may read the report)");
    }
}
