using System.Diagnostics;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Reports;
using Microsoft.Extensions.Logging;

namespace KhcnTracker.Infrastructure.Reports;

/// <summary>
/// The DOCX by the OpenXML SDK; the PDF by LibreOffice headless from that same DOCX (as Gotenberg and similar services
/// do), so the Word file officials edit and the PDF that is filed never differ. Each conversion runs with its own
/// LibreOffice profile, so conversions can run side by side — as many as the <see cref="PdfConversionQueue"/> lets at once.
/// </summary>
public sealed class R57ReportWriter(ILogger<R57ReportWriter> logger, PdfConversionQueue queue, IDocumentWords words) : IR57ReportWriter
{
    private static readonly string? Soffice = Find("soffice") ?? Find("libreoffice");

    public byte[] WriteDocx(R57Report report) => R57DocxWriter.Write(report, words);

    public bool CanWritePdf => Soffice is not null;

    public Task<byte[]> ConvertToPdfAsync(byte[] docx, CancellationToken ct)
    {
        if (Soffice is null) throw new InvalidOperationException("LibreOffice is not installed.");
        return queue.RunAsync(token => ConvertAsync(docx, token), ct);
    }

    private async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("khcn-pdf-");
        try
        {
            var input = Path.Combine(folder.FullName, "bao-cao.docx");
            await File.WriteAllBytesAsync(input, docx, ct);
            var start = new ProcessStartInfo(Soffice!)
            {
                ArgumentList = { $"-env:UserInstallation=file://{Path.Combine(folder.FullName, "profile")}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", folder.FullName, input },
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            var output = Path.Combine(folder.FullName, "bao-cao.pdf");
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                logger.LogError("LibreOffice could not convert the report (exit {Code}): {Error}", process.ExitCode, await stderr);
                throw new InvalidOperationException("LibreOffice could not convert the report.");
            }
            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string? Find(string program) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator).Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}
