using KhcnTracker.Application.Reports;

namespace KhcnTracker.Web.Api;

public static class ReportEndpoints
{
    public sealed record NarrativeRequest(uint? Version, string? Assessment, string? Difficulties, string? Proposals);

    public static void MapReportApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/reports").WithTags("Reports").AddEndpointFilter<ApiErrors>();

        api.MapGet("/r57", async (string unit, string period, string? format, DateTimeOffset? asOf, BuildR57Report build,
                IR57ReportWriter writer, CancellationToken ct) =>
            {
                format = (format ?? "docx").ToLowerInvariant();
                if (format is not ("docx" or "pdf"))
                    return Results.Problem("Định dạng phải là docx hoặc pdf.", statusCode: StatusCodes.Status400BadRequest, title: "Dữ liệu không hợp lệ");
                if (format == "pdf" && !writer.CanWritePdf)
                    return Results.Problem("Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF; hãy tải bản DOCX.",
                        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Chưa tạo được PDF");
                var report = await build.HandleAsync(new R57Request(unit, period, asOf), ct);
                var docx = writer.WriteDocx(report);
                var name = $"bao-cao-nq57-{report.UnitCode}-{report.Period}";
                return format == "pdf"
                    ? Results.File(await writer.ConvertToPdfAsync(docx, ct), "application/pdf", name + ".pdf")
                    : Results.File(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
            })
            .RequireRateLimiting(Hosting.RateLimits.Reports)
            .WithSummary("The periodic report on Resolution 57 for a province and a period (2025, 2025-H1), as DOCX or PDF, " +
                         "optionally as of a past moment; laid out after Decree 30/2020/NĐ-CP");

        api.MapGet("/r57/narrative", (string unit, string period, ReportNarratives narratives, CancellationToken ct) =>
                narratives.GetAsync(unit, period, ct))
            .WithSummary("The report's words for a province and a period: general assessment, difficulties, proposals");

        api.MapPut("/r57/narrative", (string unit, string period, NarrativeRequest r, ReportNarratives narratives, CancellationToken ct) =>
                narratives.SaveAsync(new SaveNarrativeCommand(unit, period, r.Version, r.Assessment, r.Difficulties, r.Proposals), ct))
            .WithSummary("The province's reviewers write the report's words; version guards against overwriting someone else's edit");
    }
}
