using KhcnTracker.Application.Reporting;
using KhcnTracker.Application.Reporting.Import;
using KhcnTracker.Web.Components.Shared;
using KhcnTracker.Domain.Reporting;
using KhcnTracker.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace KhcnTracker.Web.Api;

/// <summary>Reported values for other systems (a statistics office, a national reporting system): same rules as the portal.</summary>
public static class ValueEndpoints
{
    /// <summary>A save; <see cref="FollowUp"/> and <see cref="ReachedOn"/> (a milestone's date reached) left out keep what the value had.</summary>
    public sealed record SaveRequest(string Unit, string Indicator, string Period, decimal? Value, string? Source, string? Note, uint? Version, bool Submit = false,
        bool? FollowUp = null, DateOnly? ReachedOn = null);

    /// <summary>The multipart form of a save with evidence: the same fields as <see cref="SaveRequest"/>, and files named <c>files</c>.</summary>
    public sealed class SaveForm
    {
        public string Unit { get; set; } = "";
        public string Indicator { get; set; } = "";
        public string Period { get; set; } = "";
        public decimal? Value { get; set; }
        public string? Source { get; set; }
        public string? Note { get; set; }
        public uint? Version { get; set; }
        public bool Submit { get; set; }
        public bool? FollowUp { get; set; }
        public DateOnly? ReachedOn { get; set; }
    }

    public sealed record VersionRequest(uint? Version);

    public sealed record ReturnRequest(string Reason, uint? Version);

    /// <summary>Several values at once, each at the version the reviewer saw; a return gives one reason for all.</summary>
    public sealed record BatchRequest(IReadOnlyList<ReviewItem>? Items, string? Reason = null);

    public static void MapValueApi(this WebApplication app)
    {
        app.MapGroup("/api/v1/evidence").WithTags("Values").AddEndpointFilter<ApiErrors>()
            .MapGet("/{id:guid}", async (EvidenceFiles files, Guid id, bool? inline, HttpContext http, CancellationToken ct) =>
            {
                var (file, content) = await files.OpenAsync(id, ct);
                if (inline != true || !EvidenceKind.IsPreviewable(file.ContentType)) return Results.File(content, file.ContentType, file.FileName);
                // Shown in the page (pdf.js onto a canvas, an image as <img>): inline, and sandboxed should anyone open it on its own.
                http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = file.FileName }.ToString();
                http.Response.Headers.ContentSecurityPolicy = SecurityHeaders.InlineFilePolicy;
                return Results.File(content, file.ContentType);
            })
            .WithSummary("Downloads an evidence file (those who may read the value); ?inline=true serves a PDF, PNG or JPEG inline for the preview");

        var api = app.MapGroup("/api/v1/values").WithTags("Values").AddEndpointFilter<ApiErrors>();

        api.MapGet("", (ListValues q, string? unit, string? indicator, string? period, string? status, CancellationToken ct) =>
                q.HandleAsync(new ValueFilter(unit, indicator, period, ApiWords.Optional(Application.Catalogue.CatalogueWords.ValueStatus, status), WithComputed: true), ct))
            .WithSummary("Latest revision of each value in the caller's scope, and the computed indicators' values (computed: true, with their inputs); period is 2025 or 2025-H1");
        api.MapGet("/computed/history", (ListValues q, string unit, string indicator, string period, CancellationToken ct) =>
                q.ComputedHistoryAsync(unit, indicator, period, ct))
            .WithSummary("A computed value's figures over time, each with the input revisions it came from, oldest first");
        api.MapPost("", (SaveValue command, SaveRequest r, CancellationToken ct) =>
                command.HandleAsync(new SaveValueCommand(r.Unit, r.Indicator, r.Period, r.Value, r.Source, r.Note, r.Version, r.Submit,
                    FollowUp: r.FollowUp, ReachedOn: r.ReachedOn), ct))
            .WithSummary("Creates or updates the caller's draft (and submits it when submit is true, in the same transaction); answers its id and version");
        // API writes take bearer tokens only (see Hosting/Authentication.cs): no cross-site request can post here.
        api.MapPost("/with-evidence", (SaveValue command, [FromForm] SaveForm r, IFormFileCollection files, CancellationToken ct) =>
                command.HandleAsync(new SaveValueCommand(r.Unit, r.Indicator, r.Period, r.Value, r.Source, r.Note, r.Version, r.Submit,
                    [.. files.Select(f => new EvidenceUpload(f.FileName, f.OpenReadStream))], r.FollowUp, r.ReachedOn), ct))
            .DisableAntiforgery()
            .WithSummary("Multipart: saves the value with its evidence files (field files) and submits it when submit=true, all in one " +
                         "transaction: a refused file, value or period leaves no row and no file");
        api.MapPost("/{id:int}/submit", (ValueWorkflow workflow, int id, VersionRequest? r, CancellationToken ct) =>
                workflow.SubmitAsync(id, r?.Version, ct))
            .WithSummary("Submits a draft or returned value for review");
        api.MapPost("/{id:int}/approve", (ValueWorkflow workflow, int id, VersionRequest? r, CancellationToken ct) =>
                workflow.ApproveAsync(id, r?.Version, ct))
            .WithSummary("Approves a submitted value (the province's reviewer, not on their own submission)");
        api.MapPost("/approve", (ReviewValues review, BatchRequest r, CancellationToken ct) => review.ApproveAsync(r.Items ?? [], ct))
            .WithSummary("Approves several submitted values at once ({items: [{id, version}]}): one transaction, all or none — a stale " +
                         "version, another province's value or one the reviewer entered or submitted refuses the whole batch");
        api.MapPost("/return", (ReviewValues review, BatchRequest r, CancellationToken ct) => review.ReturnAsync(r.Items ?? [], r.Reason ?? "", ct))
            .WithSummary("Returns several submitted values at once with one reason ({items: [{id, version}], reason}): all or none");
        api.MapPost("/{id:int}/return", (ValueWorkflow workflow, int id, ReturnRequest r, CancellationToken ct) =>
                workflow.ReturnAsync(id, r.Version, r.Reason, ct))
            .WithSummary("Returns a submitted value with a reason");
        // API writes take bearer tokens only (see Hosting/Authentication.cs): no cross-site request can post here.
        api.MapPost("/{id:int}/evidence", (EvidenceFiles files, int id, IFormFile file, CancellationToken ct) =>
                files.AttachAsync(id, file.FileName, file.OpenReadStream(), ct))
            .DisableAntiforgery()
            .WithSummary("Attaches an evidence file (PDF, DOCX, XLSX, PNG, JPEG; checked by content; size-limited) to a draft");
        api.MapGet("/{id:int}/evidence", (EvidenceFiles files, int id, CancellationToken ct) => files.ListAsync(id, ct))
            .WithSummary("The value's evidence files with their SHA-256");
        api.MapGet("/template", async (ValueTemplate template, string period, HttpContext http, CancellationToken ct) =>
            {
                var file = new MemoryStream();
                await template.WriteAsync(period, file, ct);
                file.Position = 0;
                return Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"mau-so-lieu-{period}.xlsx");
            })
            .WithSummary("The values template (XLSX) pre-filled with the caller's assignments for a period");
        api.MapPost("/import", async (ImportValues import, IFormFile file, bool? dryRun, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                var result = await import.HandleAsync(content, file.FileName, null, ct, dryRun ?? false);
                var summary = new { @new = result.Summary.New, changed = result.Summary.Changed, unchanged = result.Summary.Unchanged, skipped = result.Summary.Skipped };
                return result.Succeeded
                    ? Results.Ok(new { applied = result.Applied, dryRun = result.DryRun, summary, errors = Array.Empty<string>() })
                    : Results.UnprocessableEntity(new { applied = 0, dryRun = result.DryRun, summary, errors = result.Errors.Select(e => ImportErrorText.Of(e, L)), errorCount = result.ErrorCount });
            })
            .DisableAntiforgery()
            .WithSummary("Imports a filled template (XLSX or CSV): blank values skipped, unchanged rows left alone, the rest in one transaction " +
                         "or none, with the first 200 errors listed and errorCount; ?dryRun=true checks and counts without saving");
        api.MapGet("/{id:int}/history", (ListValues q, int id, CancellationToken ct) => q.HistoryAsync(id, ct))
            .WithSummary("Every revision of the value, oldest first");
        api.MapGet("/{id:int}/history/events", (ValueStory story, int id, CancellationToken ct) => story.HandleAsync(id, ct))
            .WithSummary("The value's whole story from the audit trail, oldest first: entered, changed (old → new figure), evidence " +
                         "added or removed, submitted, returned (with the reason), approved, revised — who and when (Vietnam time, +07:00)");
    }
}
