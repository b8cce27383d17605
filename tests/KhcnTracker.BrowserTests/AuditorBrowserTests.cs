using System.Diagnostics;
using MiniExcelLibs;

namespace KhcnTracker.BrowserTests;

/// <summary>An auditor takes the figures away: the periodic report as PDF, the audit log as XLSX — both read back.</summary>
public sealed class AuditorBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task AnAuditorExportsPhuThosReportAsPdf_AndTheAuditLogAsXlsx()
    {
        var page = await session.OpenSignedInAsync("auditor.phutho@demo.local", "/reports");
        await Assertions.Expect(page.GetByTestId("report-unit")).ToContainTextAsync("Phú Thọ");

        await page.GetByTestId("report-pdf").ClickAsync();
        var link = page.GetByTestId("export-download");
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var pdf = await DownloadAsync(page, link);
        await BrowserSession.ScreenshotAsync(page, "report-ready");

        var text = await RunAsync("pdftotext", pdf, "-");
        Assert.Contains("TỈNH PHÚ THỌ", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("Vĩnh Phúc", text);
        // A page rendered to PNG, for people to look at (diacritics cannot be checked by text extraction alone).
        await RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(BrowserSession.ScreenshotFolder(), "report-pdf-page1"));

        await page.GotoAsync(session.Portal.RootUrl + "/audit");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("audit-table")).ToContainTextAsync("system");
        // Only the targets' history: the export follows the grid's filters.
        await page.GetByTestId("audit-entity").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Chỉ tiêu" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-table").Locator("tbody tr").First).ToContainTextAsync("Chỉ tiêu");
        await page.GetByTestId("audit-verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-chain")).ToContainTextAsync("nguyên vẹn");
        await page.GetByTestId("export-audit").ClickAsync();
        await page.GetByTestId("export-audit-xlsx").ClickAsync();
        var xlsxLink = page.GetByTestId("export-download");
        await Assertions.Expect(xlsxLink).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await BrowserSession.ScreenshotAsync(page, "audit-log");
        var xlsx = await DownloadAsync(page, xlsxLink);

        await using var file = File.OpenRead(xlsx);
        var info = file.Query(useHeaderRow: true, sheetName: "Thông tin").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Nhật ký thay đổi", info.Single(r => (string?)r["Mục"] == "Dữ liệu")["Giá trị"]);
        Assert.Equal("auditor.phutho@demo.local", info.Single(r => (string?)r["Mục"] == "Người xuất")["Giá trị"]);
        file.Position = 0;
        var rows = file.Query(useHeaderRow: true, sheetName: "Dữ liệu").Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(rows);
        // Words, not C# names or numbers; Vietnam time with its zone (decision 0010).
        Assert.All(rows, r => Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2} \(UTC\+7\)$", (string)r["Thời điểm (giờ Việt Nam)"]!));
        Assert.All(rows, r => Assert.Equal("Chỉ tiêu", r["Đối tượng"]));
        Assert.Contains(rows, r => ((string)r["Thay đổi (cũ → mới)"]!).Contains("So sánh: Tối thiểu"));
        Assert.DoesNotContain(rows, r => ((string)r["Thay đổi (cũ → mới)"]!).Contains("Comparator"));
    }

    private static async Task<string> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(path);
        return path;
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program}: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}
