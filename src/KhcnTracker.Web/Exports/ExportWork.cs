using KhcnTracker.Application.Exports;
using KhcnTracker.Application.Reports;

namespace KhcnTracker.Web.Exports;

/// <summary>
/// The two kinds of background work: a dataset as XLSX or CSV, and the periodic report as DOCX or PDF. The use case
/// comes from the job's scope with the caller's snapshot as its <see cref="ICurrentUser"/>.
/// </summary>
public static class ExportWork
{
    public static ExportJobs.Work Dataset(ExportRequest request, string format) => async (services, user, report, ct) =>
    {
        var build = ActivatorUtilities.CreateInstance<BuildExport>(services, user);
        var export = await build.HandleAsync(request, ct);
        report(0.8, "Đang ghi tệp");
        var name = $"{export.Info.Dataset}-{VietnamTime.Of(export.Info.AsOf):yyyyMMdd-HHmmss}.{format}";
        if (format == "csv") return new ExportFile(ExportHeader.Csv(export), name, "text/csv; charset=utf-8");
        using var stream = new MemoryStream();
        services.GetRequiredService<IXlsxExportWriter>().Write(stream, export);
        return new ExportFile(stream.ToArray(), name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    };

    public static ExportJobs.Work Report(R57Request request, string format) => async (services, user, report, ct) =>
    {
        var build = ActivatorUtilities.CreateInstance<BuildR57Report>(services, user);
        var content = await build.HandleAsync(request, ct);
        var writer = services.GetRequiredService<IR57ReportWriter>();
        report(0.6, "Đang dàn trang");
        var docx = writer.WriteDocx(content);
        var name = $"bao-cao-nq57-{content.UnitCode}-{content.Period}";
        if (format != "pdf") return new ExportFile(docx, name + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        report(0.75, "Đang chờ lượt và chuyển sang PDF (LibreOffice)");
        return new ExportFile(await writer.ConvertToPdfAsync(docx, ct), name + ".pdf", "application/pdf");
    };
}
