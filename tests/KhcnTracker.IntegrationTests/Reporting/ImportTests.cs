using MiniExcelLibs;

namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>Importing a filled template: the whole file in one transaction, or nothing, with every error placed.</summary>
public sealed class ImportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task AFilledTemplateIsAppliedWhole()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var (rows, sheets) = await TemplateAsync(staff, "2025");
        Assert.True(rows.Count > 10);
        Fill(rows, (row, i) => Default(row));

        var result = await ImportAsync(staff, Xlsx(rows, sheets), "so-lieu-2025.xlsx");

        Assert.True(result.StatusCode == HttpStatusCode.OK, await result.Content.ReadAsStringAsync());
        Assert.Equal(rows.Count, (await result.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetInt32());
        await using var db = Db();
        Assert.Equal(rows.Count, await db.Values.CountAsync(v => v.UnitCode == "laocai" && v.PeriodCode == "2025"));
        // One import, one batch in the audit trail.
        var batch = await db.AuditLog.Where(a => a.Origin.StartsWith("import") && a.Origin.Contains("so-lieu-2025.xlsx")).ToListAsync();
        Assert.Single(batch.Select(a => a.Origin).Distinct());
        Assert.Equal(rows.Count, batch.Count(a => a.Entity == "value"));
        // The rows written by COPY are chained like every other.
        using var auditor = await portal.CreateClientForAsync("auditor.laocai@demo.local");
        Assert.True((await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify")).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task AFileWithThreeBadRowsAppliesNothingAndNamesEachError()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var (rows, sheets) = await TemplateAsync(staff, "2026-H1");
        Assert.True(rows.Count >= 3);
        var before = await CountAsync();
        Fill(rows, (row, i) => i switch
        {
            0 => "mười hai",          // text in a numeric column
            1 => 120,                 // a percentage over 100
            _ when i == rows.Count - 1 => "12,5,3",
            _ => Default(row),
        });

        var result = await ImportAsync(staff, Xlsx(rows, sheets), "so-lieu-sai.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.StatusCode);
        var errors = (await result.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal("Trang “Số liệu”, dòng 2, cột E (Giá trị): “mười hai” không phải là số (dùng dấu phẩy thập phân, ví dụ 12,5).", errors[0]);
        Assert.StartsWith("Trang “Số liệu”, dòng 3, cột E (Giá trị):", errors[1]);
        Assert.StartsWith($"Trang “Số liệu”, dòng {rows.Count + 1}, cột E (Giá trị):", errors[2]);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task FormulasCountWithTheirValueAndMergedOrTextCellsAreNamedAsErrors()
    {
        var headers = "ABCDEFG".Select((letter, i) => new HandMadeWorkbook.Cell($"{letter}1", Text: new[]
            { "Mã tỉnh", "Mã chỉ số", "Tên chỉ số", "Kỳ báo cáo", "Giá trị", "Nguồn số liệu", "Ghi chú" }[i]));
        HandMadeWorkbook.Cell[] Row(int r, string indicator, HandMadeWorkbook.Cell? value, string period = "2026-H1") =>
            [new($"A{r}", "laocai"), new($"B{r}", indicator), new($"D{r}", period), .. value is null ? Array.Empty<HandMadeWorkbook.Cell>() : [value]];
        var data = headers
            .Concat(Row(2, "digital-economy-grdp-share", new("E2", Number: 12.5, Formula: "10+2.5")))   // a formula: its cached value
            .Concat(Row(3, "online-public-service-use", new("E3", Number: 70)))                          // merged down over E4
            .Concat(Row(4, "non-cash-payment-share", null))
            .Concat(Row(5, "innovating-enterprise-share", new("E5", Text: "khoảng 13"), "2026"))        // text where a number belongs
            .ToList();
        var guide = new List<HandMadeWorkbook.Cell> { new("A1", "KHCN-MAU-SO-LIEU-V1") };
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var before = await CountAsync();

        var result = await ImportAsync(staff, HandMadeWorkbook.Create(data, ["E3:E4", "F2:F5"], guide), "excel-that-nguoi-dung.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.StatusCode);
        var errors = (await result.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        // Row 2's formula counts as 12,5; row 3 is fine; row 4, under the merged cell, reads blank and is skipped as not filled in.
        Assert.Equal("Trang “Số liệu”, dòng 5, cột E (Giá trị): “khoảng 13” không phải là số (dùng dấu phẩy thập phân, ví dụ 12,5).", Assert.Single(errors));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task TheDownloadedTemplateWithBlankAndUnchangedRowsImportsExactlyTheChangedRows()
    {
        using var staff = await portal.CreateClientForAsync("staff.phutho@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.phutho@demo.local");
        var (first, _) = await TemplateAsync(staff, "2025");
        Assert.True(first.Count >= 4);
        var approvedIndicator = (string)first[0]["Mã chỉ số"]!;
        var id = (await (await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "phutho", indicator = approvedIndicator, period = "2025", value = 1m, source = "Cục Thống kê" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.True((await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).IsSuccessStatusCode);
        Assert.True((await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { })).IsSuccessStatusCode);

        // The template exactly as downloaded: the approved row pre-filled with its figure, every other value blank.
        var downloaded = await staff.GetByteArrayAsync("/api/v1/values/template?period=2025");
        var (rows, sheets) = await TemplateAsync(staff, "2025");
        var asDownloaded = await Json(await ImportAsync(staff, downloaded, "mau-so-lieu-2025.xlsx", dryRun: true));
        Assert.Equal((0, 0, 1, rows.Count - 1), Summary(asDownloaded));

        // Two rows filled in, the approved one left as it was, the rest blank.
        var filled = rows.Select(r => (string)r["Mã chỉ số"]!).Where(c => c != approvedIndicator).Take(2).ToList();
        Fill(rows, (row, i) => filled.Contains((string)row["Mã chỉ số"]!) ? 2 : row["Giá trị"]);
        var file = Xlsx(rows, sheets);
        var before = await CountAsync();

        var dryRun = await Json(await ImportAsync(staff, file, "so-lieu-phutho.xlsx", dryRun: true));
        Assert.Equal((2, 0, 1, rows.Count - 3), Summary(dryRun));
        Assert.True(dryRun.GetProperty("dryRun").GetBoolean());
        Assert.Equal(before, await CountAsync()); // a dry run saves nothing

        var applied = await Json(await ImportAsync(staff, file, "so-lieu-phutho.xlsx"));
        Assert.Equal(2, applied.GetProperty("applied").GetInt32());
        Assert.Equal((2, 0, 1, rows.Count - 3), Summary(applied));
        await using var db = Db();
        var values = await db.Values.Where(v => v.UnitCode == "phutho" && v.PeriodCode == "2025").ToListAsync();
        Assert.Equal(filled.Order(), values.Where(v => v.Status == Domain.Reporting.ValueStatus.Draft).Select(v => v.IndicatorCode).Order());
        // The approved figure nobody touched stays revision 1, approved — no draft revision reopens it.
        var approved = Assert.Single(values, v => v.IndicatorCode == approvedIndicator);
        Assert.Equal((1, Domain.Reporting.ValueStatus.Approved), (approved.Revision, approved.Status));

        // Changing the approved row is a change: a dry run counts it, and nothing else.
        Fill(rows, (row, i) => (string)row["Mã chỉ số"]! == approvedIndicator ? 3 : filled.Contains((string)row["Mã chỉ số"]!) ? 2 : null);
        Assert.Equal((0, 1, 2, rows.Count - 3), Summary(await Json(await ImportAsync(staff, Xlsx(rows, sheets), "so-lieu-phutho-2.xlsx", dryRun: true))));
    }

    private static (int New, int Changed, int Unchanged, int Skipped) Summary(JsonElement result)
    {
        var s = result.GetProperty("summary");
        return (s.GetProperty("new").GetInt32(), s.GetProperty("changed").GetInt32(), s.GetProperty("unchanged").GetInt32(), s.GetProperty("skipped").GetInt32());
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AnotherSpreadsheetIsRecognisedAsNotTheTemplate()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var other = new MemoryStream();
        other.SaveAs(new[] { new { Ten = "Bảng tính khác", GiaTri = 1 } });

        var result = await ImportAsync(staff, other.ToArray(), "bang-khac.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.StatusCode);
        Assert.Contains("không phải là mẫu nhập số liệu", await result.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A25MegabyteFileIsRefusedBeforeItIsRead()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var result = await ImportAsync(staff, new byte[25 * 1024 * 1024], "qua-lon.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.StatusCode);
        Assert.Contains("lớn hơn giới hạn 20 MB", await result.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("windows-1258", false)]
    [InlineData("utf-8", false)]
    [InlineData("utf-8", true)]
    public async Task ACsvInTheVietnameseCodePageOrUtf8IsImported(string encoding, bool bom)
    {
        var indicator = encoding == "windows-1258" ? "non-cash-payment-share" : bom ? "digital-economy-grdp-share" : "online-public-service-use";
        var csv = "Mã tỉnh;Mã chỉ số;Tên chỉ số;Kỳ báo cáo;Giá trị;Nguồn số liệu;Ghi chú\r\n" +
                  $"laocai;{indicator};Tên;2026;61,5;Cục Thống kê;\"Số liệu ước tính; đã rà soát\"\r\n";
        var bytes = encoding == "windows-1258" ? Windows1258(csv) : Encoding.GetEncoding(encoding).GetBytes(csv);
        if (bom) bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");

        var result = await ImportAsync(staff, bytes, "so-lieu.csv");

        Assert.True(result.StatusCode == HttpStatusCode.OK, await result.Content.ReadAsStringAsync());
        await using var db = Db();
        var value = await db.Values.SingleAsync(v => v.UnitCode == "laocai" && v.IndicatorCode == indicator && v.PeriodCode == "2026");
        Assert.Equal(61.5m, value.Value);
        Assert.Equal("Cục Thống kê", value.Source);
        Assert.Equal("Số liệu ước tính; đã rà soát", value.Note);
    }

    /// <summary>
    /// Text as Windows-1258 writes it: letters with a circumflex, breve or horn are characters of their own, tone marks
    /// follow as combining characters (the code page has no precomposed "ỉ" or "ố").
    /// </summary>
    private static byte[] Windows1258(string text)
    {
        var encoding = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var tones = new[] { '\u0300', '\u0301', '\u0303', '\u0309', '\u0323' };
        var output = new List<byte>();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            try { output.AddRange(encoding.GetBytes(c.ToString())); continue; }
            catch (EncoderFallbackException) { }
            var parts = c.ToString().Normalize(NormalizationForm.FormD);
            var tone = parts.Where(tones.Contains).ToArray();
            var letter = new string(parts.Where(p => !tones.Contains(p)).ToArray()).Normalize(NormalizationForm.FormC);
            output.AddRange(encoding.GetBytes(letter + new string(tone)));
        }
        return [.. output];
    }

    private static object Default(IDictionary<string, object?> row) => 1;

    private static void Fill(List<IDictionary<string, object?>> rows, Func<IDictionary<string, object?>, int, object?> value)
    {
        for (var i = 0; i < rows.Count; i++) rows[i]["Giá trị"] = value(rows[i], i);
    }

    private static async Task<(List<IDictionary<string, object?>> Rows, List<string> Sheets)> TemplateAsync(HttpClient client, string period)
    {
        var bytes = await client.GetByteArrayAsync($"/api/v1/values/template?period={period}");
        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true, sheetName: "Số liệu").Cast<IDictionary<string, object?>>().ToList();
        return (rows, stream.GetSheetNames());
    }

    private static byte[] Xlsx(List<IDictionary<string, object?>> rows, List<string> sheets)
    {
        Assert.Contains("Hướng dẫn", sheets);
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["Số liệu"] = rows.Select(r => r.ToDictionary(p => p.Key, p => p.Value)).ToList(),
            ["Hướng dẫn"] = new[] { new Dictionary<string, object?> { ["A"] = "KHCN-MAU-SO-LIEU-V1" } },
        });
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] bytes, string name, bool dryRun = false)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync(dryRun ? "/api/v1/values/import?dryRun=true" : "/api/v1/values/import", new MultipartFormDataContent { { file, "file", name } });
    }

    private async Task<int> CountAsync()
    {
        await using var db = Db();
        return await db.Values.CountAsync();
    }

    private Infrastructure.Persistence.AppDbContext Db() => new(TestPostgres.Options(portal.ConnectionString));
}
