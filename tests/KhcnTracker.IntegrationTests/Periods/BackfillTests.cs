using MiniExcelLibs;
using static KhcnTracker.IntegrationTests.Periods.PeriodApi;

namespace KhcnTracker.IntegrationTests.Periods;

/// <summary>
/// History back to the baseline: a past period the administrator opened for a province takes values typed and
/// imported from the Excel template, with evidence, through the same review; the progress engine then starts from them.
/// </summary>
public sealed class BackfillTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string DigitalEconomy = "digital-economy-grdp-share";

    [Fact]
    public async Task ABackfilled2020ValueBecomesTheBaseAndChangesTheStatusAsTheMethodSays()
    {
        using var leader = await portal.CreateClientForAsync("leader.laocai@demo.local");
        await portal.ApproveValueAsync("staff.laocai", "reviewer.laocai", "laocai", DigitalEconomy, "2025", 12m);
        var before = await TargetAsync(leader);
        // One point in time: the value is there, but not enough data for a trend yet.
        Assert.Equal("not_enough_data", before.GetProperty("status").GetString());

        await portal.BackfillThroughReviewAsync("staff.laocai", "reviewer.laocai", "laocai", DigitalEconomy, "2020", 10m);
        var after = await TargetAsync(leader);

        // The nearest target still ahead, no baseline in its text, so the base is the earliest approved value, 2020: 10 %.
        // "≥ 20 % by 2030": CAGRᵢ = (12/10)^(1/5) − 1 = 3.71 %; CAGR_T = (20/10)^(1/10) − 1 = 7.18 %; R = 0.52 → off track
        // (0 ≤ R < 0.60). Once 2030 has passed, "> 40 % by 2045": CAGR_T = (40/10)^(1/25) − 1 = 5.70 %; R = 0.65 → needs acceleration.
        var (_, goal, status) = Judged;
        var current = Math.Pow(12.0 / 10.0, 1.0 / 5) - 1;
        var required = Math.Pow(goal / 10.0, 1.0 / (TargetYear - 2020)) - 1;
        Assert.Equal(2020m, after.GetProperty("baseYear").GetDecimal());
        Assert.Equal(10m, after.GetProperty("baseValue").GetDecimal());
        Assert.Equal(current / required, after.GetProperty("ratio").GetDouble(), 4);
        Assert.Equal(status, after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task StaffImportABackfillYearFromTheTemplateWithEvidenceAndItIsReviewedAsAnyOther()
    {
        await CreateAsync(portal, "2019");
        using var admin = await portal.CreateClientForAsync("admin@demo.local");
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        using var reviewer = await portal.CreateClientForAsync("reviewer.laocai@demo.local");
        // Closed, the template has no row for 2019; opened for Lào Cai, it has the province's assignments.
        Assert.Empty(await TemplateRowsAsync(staff, "2019"));
        await AssertStatusAsync(await ChangeAsync(admin, "2019", "open", "laocai", "Nhập số liệu lịch sử"), 200);
        var rows = await TemplateRowsAsync(staff, "2019");
        Assert.Contains(rows, r => (string?)r["Mã chỉ số"] == "online-public-service-use");
        foreach (var row in rows) row["Giá trị"] = (string?)row["Mã chỉ số"] == "online-public-service-use" ? 35.5 : null;

        var imported = await ImportXlsxAsync(staff, rows);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var value = (await staff.GetFromJsonAsync<JsonElement>("/api/v1/values?unit=laocai&period=2019")).EnumerateArray()
            .Single(v => v.GetProperty("indicator").GetString() == "online-public-service-use");
        var id = value.GetProperty("id").GetInt32();
        Assert.Equal(35.5m, value.GetProperty("value").GetDecimal());
        await EvidenceSubmitAndApproveAsync(staff, reviewer, id, "nien-giam-thong-ke-2019.pdf");

        var history = (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/history")).EnumerateArray().Single();
        Assert.Equal("approved", history.GetProperty("status").GetString());
        Assert.Single((await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/values/{id}/evidence")).EnumerateArray());
    }

    /// <summary>Lào Cai's digital economy target judged by trend at the run's date: 2030's while it is ahead, else 2045's.</summary>
    private static (int Year, double Goal, string Status) Judged =>
        TestClock.VietnamYear <= 2030 ? (2030, 20.0, "off_track") : (2045, 40.0, "needs_acceleration");

    private static int TargetYear => Judged.Year;

    private static async Task<JsonElement> TargetAsync(HttpClient leader) =>
        (await leader.GetFromJsonAsync<JsonElement>("/api/v1/progress?unit=laocai")).EnumerateArray()
            .Single(p => p.GetProperty("indicator").GetProperty("code").GetString() == DigitalEconomy && p.GetProperty("targetYear").GetInt32() == TargetYear);

    private static async Task<List<IDictionary<string, object?>>> TemplateRowsAsync(HttpClient client, string period)
    {
        var bytes = await client.GetByteArrayAsync($"/api/v1/values/template?period={period}");
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: true, sheetName: "Số liệu").Cast<IDictionary<string, object?>>().ToList();
    }

    private static async Task<HttpResponseMessage> ImportXlsxAsync(HttpClient client, List<IDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["Số liệu"] = rows.Select(r => r.ToDictionary(p => p.Key, p => p.Value)).ToList(),
            ["Hướng dẫn"] = new[] { new Dictionary<string, object?> { ["A"] = "KHCN-MAU-SO-LIEU-V1" } },
        });
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await client.PostAsync("/api/v1/values/import", new MultipartFormDataContent { { file, "file", "so-lieu-2019.xlsx" } });
    }
}
