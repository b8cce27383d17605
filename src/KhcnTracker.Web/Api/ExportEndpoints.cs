using KhcnTracker.Application.Auditing;
using KhcnTracker.Application.Exports;

namespace KhcnTracker.Web.Api;

public static class ExportEndpoints
{
    public static void MapExportApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/exports").WithTags("Exports").AddEndpointFilter<ApiErrors>().RequireRateLimiting(Hosting.RateLimits.Exports);

        api.MapGet("/{file}", async (string file, string? unit, DateTimeOffset? asOf, string? actor, string? entity, string? action,
                DateTimeOffset? from, DateTimeOffset? to, BuildExport build, IXlsxExportWriter xlsx, CancellationToken ct) =>
            {
                var (dataset, format) = (Path.GetFileNameWithoutExtension(file), Path.GetExtension(file).TrimStart('.').ToLowerInvariant());
                if (format is not ("xlsx" or "csv"))
                    return Results.Problem("Định dạng phải là .xlsx hoặc .csv.", statusCode: StatusCodes.Status400BadRequest, title: "Dữ liệu không hợp lệ");
                var audit = new AuditFilter(unit, Actor: actor, Entity: entity, Action: action, From: from, To: to);
                var export = await build.HandleAsync(new ExportRequest(dataset, unit, asOf, audit), ct);
                return File(export, format, xlsx);
            })
            .WithSummary("Exports a dataset (targets, values, progress, tasks, audit) as XLSX or CSV, optionally as of a past moment " +
                         "(asOf, ISO 8601); the first sheet or lines say what, by whom, when, as of when, and the data's SHA-256");
    }

    /// <summary>A file made in the background, for the person who asked for it (cookie or bearer).</summary>
    public static void MapExportDownloads(this WebApplication app) =>
        app.MapGet("/exports/jobs/{id:guid}", (Guid id, Web.Exports.ExportJobs jobs, Application.Common.ICurrentUser user) =>
                jobs.FileFor(id, user) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound())
            .ExcludeFromDescription();

    public static IResult File(ExportResult export, string format, IXlsxExportWriter xlsx)
    {
        var name = $"{export.Info.Dataset}-{Application.Common.VietnamTime.Of(export.Info.AsOf):yyyyMMdd-HHmmss}.{format}";
        if (format == "csv") return Results.File(ExportHeader.Csv(export), "text/csv; charset=utf-8", name);
        var stream = new MemoryStream();
        xlsx.Write(stream, export);
        stream.Position = 0;
        return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
