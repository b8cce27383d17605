using MiniExcelLibs;

namespace KhcnTracker.IntegrationTests.Exports;

/// <summary>Exports read back with the spreadsheet library and as text, as an auditor's own tools would read them.</summary>
public sealed class ExportApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AValuesExportAsOfAMomentIsTheSameLater_EvenAfterEdits()
    {
        var id = await ApproveAsync("online-public-service-use", "2025", 61.5m, "=HYPERLINK(\"http://evil\")");
        await Task.Delay(50);
        var moment = portal.Clock.GetUtcNow();
        await Task.Delay(50);
        using var auditor = await portal.CreateClientForAsync("auditor.laocai@demo.local");
        var asOf = Uri.EscapeDataString(moment.ToString("O"));

        var first = await GetAsync(auditor, $"/api/v1/exports/values.csv?unit=laocai&asOf={asOf}");
        // Later: the value is revised (a new revision, approved again).
        await ApproveAsync("online-public-service-use", "2025", 70m, "Sở TT&TT");
        var second = await GetAsync(auditor, $"/api/v1/exports/values.csv?unit=laocai&asOf={asOf}");
        var now = await GetAsync(auditor, "/api/v1/exports/values.csv?unit=laocai");

        Assert.Equal(Data(first), Data(second));
        Assert.Equal(Checksum(first), Checksum(second));
        Assert.NotEqual(Checksum(first), Checksum(now));
        Assert.Contains("online-public-service-use,Tỷ lệ sử dụng dịch vụ công trực tuyến", Data(first));
        Assert.Contains(",2025,1,61.5,Đã phê duyệt,", Data(first));
        Assert.DoesNotContain(",2025,2,70,", Data(first));
        Assert.Contains(",2025,2,70,Đã phê duyệt,", Data(now));
        // The source that looked like a formula is text.
        Assert.Contains(",'=HYPERLINK(\"http://evil\"),", Data(first));
        Assert.True(id > 0);
    }

    [Fact]
    public async Task AnXlsxExportHasItsHeaderSheet_TypedNumbersAndDates_AndNoFormula()
    {
        await ApproveAsync("innovating-enterprise-share", "2025", 18.4m, "@SUM(1+1)*cmd");
        using var auditor = await portal.CreateClientForAsync("auditor.laocai@demo.local");
        var response = await auditor.GetAsync("/api/v1/exports/values.xlsx?unit=laocai");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        var info = file.Query(useHeaderRow: true, sheetName: "Thông tin").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Số liệu báo cáo (mọi lần điều chỉnh)", info.Single(r => (string?)r["Mục"] == "Dữ liệu")["Giá trị"]);
        Assert.Equal("auditor.laocai@demo.local", info.Single(r => (string?)r["Mục"] == "Người xuất")["Giá trị"]);
        Assert.Matches("^[0-9a-f]{64}$", (string?)info.Single(r => (string?)r["Mục"] == "Mã kiểm tra dữ liệu (SHA-256)")["Giá trị"]);

        file.Position = 0;
        var rows = file.Query(useHeaderRow: true, sheetName: "Dữ liệu").Cast<IDictionary<string, object?>>().ToList();
        var row = rows.Single(r => (string?)r["Mã chỉ số"] == "innovating-enterprise-share");
        Assert.Equal(18.4, Convert.ToDouble(row["Giá trị"]));
        Assert.IsNotType<string>(row["Giá trị"]);
        Assert.IsType<DateTime>(row["Thời điểm thẩm định"]);
        Assert.Equal("'@SUM(1+1)*cmd", row["Nguồn số liệu"]);
        Assert.Equal("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", row["Chỉ số"]);
    }

    [Fact]
    public async Task TargetsProgressTasksAndAuditExport_WithinTheirScope()
    {
        using var auditor = await portal.CreateClientForAsync("auditor.phutho@demo.local");

        var targets = Data(await GetAsync(auditor, "/api/v1/exports/targets.csv?unit=phutho"));
        Assert.Contains("vinhphuc,Vĩnh Phúc", targets);
        var progress = Data(await GetAsync(auditor, "/api/v1/exports/progress.csv?unit=phutho"));
        Assert.Contains("digital-economy-grdp-share", progress);
        Assert.Contains("Chưa có số liệu", progress);
        var tasks = Data(await GetAsync(auditor, "/api/v1/exports/tasks.csv?unit=phutho"));
        Assert.StartsWith("Mã nhiệm vụ,Văn bản,Số thứ tự,Nhiệm vụ,Mã đơn vị,Cơ quan chủ trì", tasks);
        Assert.Contains(",vinhphuc,", tasks);
        Assert.Contains(",Chưa triển khai,", tasks); // statuses in Vietnamese
        var audit = Data(await GetAsync(auditor, "/api/v1/exports/audit.csv?unit=phutho&entity=Target"));
        Assert.Contains(",Chỉ tiêu,", audit); // subjects by their Vietnamese labels
        Assert.DoesNotContain(",Số liệu,", audit);

        // Another province's values and the whole trail are refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/exports/values.csv?unit=laocai")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/exports/audit.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/api/v1/exports/values.csv?unit=phutho&asOf=2999-01-01T00:00:00Z")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync("/api/v1/exports/secrets.csv")).StatusCode);
    }

    private async Task<int> ApproveAsync(string indicator, string period, decimal value, string source)
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator, period, value, source });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).EnsureSuccessStatusCode();
        (await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { })).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<string> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(bytes));
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        // Every text cell is quoted: the assertions read the fields as a spreadsheet does.
        return CsvFields.Plain(Encoding.UTF8.GetString(bytes[3..]));
    }

    /// <summary>The table after the header lines (which name the export time and so differ between exports).</summary>
    private static string Data(string csv) => csv[(csv.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];

    private static string Checksum(string csv) =>
        csv.Split("\r\n").Single(l => l.StartsWith("Mã kiểm tra dữ liệu (SHA-256),", StringComparison.Ordinal)).Split(',')[1];
}
