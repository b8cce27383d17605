using System.Diagnostics;
using System.IO.Compression;

namespace KhcnTracker.IntegrationTests.Exports;

/// <summary>The periodic report read back: the DOCX by its XML, the PDF by text extraction (poppler's pdftotext).</summary>
[Collection("LibreOffice")] // never beside PdfQueueTests, which count this process's conversions
public sealed class R57ReportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheDocxCarriesTheLayoutTheFiguresAndTheReviewersWords()
    {
        using var reviewer = await portal.CreateClientForAsync("reviewer.phutho@demo.local");
        var saved = await reviewer.PutAsJsonAsync("/api/v1/reports/r57/narrative?unit=phutho&period=2025",
            new { assessment = "Tỉnh đã ban hành Chương trình hành động kịp thời.", difficulties = "Thiếu nhân lực số ở cấp xã.", proposals = "Đề nghị hỗ trợ kinh phí đào tạo." });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        using var auditor = await portal.CreateClientForAsync("auditor.phutho@demo.local");

        var xml = DocumentXml(await auditor.GetByteArrayAsync("/api/v1/reports/r57?unit=phutho&period=2025&format=docx"));

        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", xml);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", xml);
        Assert.Contains("TỈNH PHÚ THỌ", xml);
        Assert.Contains("Kỳ báo cáo: năm 2025", xml);
        Assert.Contains("Tỷ trọng kinh tế số trong GRDP (GDP) (Vĩnh Phúc cũ)", xml);
        Assert.Contains("≥ 35 % (năm 2030)", xml);
        // The statuses by their labels from the resources, in the order best to worst: counted, and in the targets' table.
        Assert.Matches(@"trong đó đã đạt: \d+; đúng tiến độ: \d+; cần đẩy nhanh: \d+; chậm tiến độ: \d+; đi lùi: \d+; không đạt: \d+; " +
                       @"chưa đủ số liệu để đánh giá xu hướng: \d+; không tính được xu hướng: \d+; chưa có số liệu: \d+\.", xml);
        Assert.Matches(">(Đã đạt|Đúng tiến độ|Cần đẩy nhanh|Chậm tiến độ|Đi lùi|Không đạt|Chưa đủ số liệu để đánh giá xu hướng|Không tính được xu hướng|Chưa có số liệu)</w:t>", xml);
        Assert.DoesNotMatch(">(achieved|on_track|needs_acceleration|off_track|regressing|not_achieved|not_enough_data|not_computable|no_data)</w:t>", xml);
        Assert.Contains("Thiếu nhân lực số ở cấp xã.", xml);
        Assert.Contains("Đề nghị hỗ trợ kinh phí đào tạo.", xml);
        Assert.Contains("w:ascii=\"Noto Serif\"", xml); // the font that carries every diacritic
    }

    [Fact]
    public async Task ThePdfIsTheDocxConvertedByLibreOffice_WithItsDiacritics()
    {
        using var auditor = await portal.CreateClientForAsync("auditor.laocai@demo.local");
        var response = await auditor.GetAsync("/api/v1/reports/r57?unit=laocai&period=2025&format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf[..4]));

        var text = await PdfTextAsync(pdf);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("TỈNH LÀO CAI", text);
        Assert.Contains("Tỷ trọng kinh tế số trong GRDP", text);
        Assert.Contains("KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", text);
    }

    [Fact]
    public async Task AReportAsOfAMomentKeepsItsChecksumAfterLaterEdits_AndOnlyReviewersWriteIt()
    {
        using var reviewer = await portal.CreateClientForAsync("reviewer.quangtri@demo.local");
        var first = await reviewer.PutAsJsonAsync("/api/v1/reports/r57/narrative?unit=quangtri&period=2025", new { difficulties = "Bản đầu." });
        var version = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetUInt32();
        await Task.Delay(50);
        var moment = Uri.EscapeDataString(portal.Clock.GetUtcNow().ToString("O"));
        await Task.Delay(50);
        using var auditor = await portal.CreateClientForAsync("auditor.quangtri@demo.local");
        var before = DocumentXml(await auditor.GetByteArrayAsync($"/api/v1/reports/r57?unit=quangtri&period=2025&asOf={moment}"));

        (await reviewer.PutAsJsonAsync("/api/v1/reports/r57/narrative?unit=quangtri&period=2025", new { version, difficulties = "Bản sửa sau." })).EnsureSuccessStatusCode();
        var after = DocumentXml(await auditor.GetByteArrayAsync($"/api/v1/reports/r57?unit=quangtri&period=2025&asOf={moment}"));
        var now = DocumentXml(await auditor.GetByteArrayAsync("/api/v1/reports/r57?unit=quangtri&period=2025"));

        Assert.Contains("Bản đầu.", after);
        Assert.Equal(Checksum(before), Checksum(after));
        Assert.Contains("Bản sửa sau.", now);
        Assert.NotEqual(Checksum(before), Checksum(now));

        // A stale version is refused with the other person's edit kept; staff and other provinces cannot write.
        var stale = await reviewer.PutAsJsonAsync("/api/v1/reports/r57/narrative?unit=quangtri&period=2025", new { version, difficulties = "Ghi đè?" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var staff = await portal.CreateClientForAsync("staff.quangtri@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync("/api/v1/reports/r57/narrative?unit=quangtri&period=2025", new { difficulties = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/reports/r57?unit=laocai&period=2025")).StatusCode);
    }

    [Fact]
    public async Task ALockedPeriodsReportTextCannotBeRewritten()
    {
        using var reviewer = await portal.CreateClientForAsync("reviewer.phutho@demo.local");

        // 2024 ships locked, as history.
        var refused = await reviewer.PutAsJsonAsync("/api/v1/reports/r57/narrative?unit=phutho&period=2024",
            new { assessment = "Viết lại sau khi đã khóa sổ." });

        Assert.False(refused.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Kỳ báo cáo đã khóa", await refused.Content.ReadAsStringAsync());
        var kept = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/reports/r57/narrative?unit=phutho&period=2024");
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("assessment").ValueKind);
    }

    private static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        var parts = new[] { "word/document.xml", "word/styles.xml" }.Select(p => new StreamReader(zip.GetEntry(p)!.Open()).ReadToEnd());
        return string.Join("\n", parts);
    }

    private static string Checksum(string xml)
    {
        var match = System.Text.RegularExpressions.Regex.Match(xml, "SHA-256: ([0-9a-f]{64})");
        Assert.True(match.Success);
        return match.Groups[1].Value;
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(file);
        return text;
    }
}
