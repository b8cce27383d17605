using MiniExcelLibs;

namespace KhcnTracker.IntegrationTests.Progress;

/// <summary>
/// The budget share every province copies from Resolution 57 (≥ 3 % of the local budget on KHCN, ĐMST and CĐS) is a
/// formula indicator: its value comes from the Department of Finance's two approved amounts, everywhere a value is
/// shown, and across the 2025 merger from the sums of the former provinces' amounts. Figures worked by hand.
/// </summary>
public sealed class ComputedIndicatorTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Spending = "budget-khcn-dmst-cds-spending", Total = "budget-total-spending", Share = "budget-khcn-dmst-cds-share";

    [Fact]
    public async Task ApprovedInputsGiveTheShare_ItsStatus_AndARevisionRecomputesWithItsHistory()
    {
        using var leader = await LeaderAfterFinanceApprovesAsync("laocai", "2026", spending: 330m, total: 10_000m);

        // 330 / 10 000 × 100 = 3.30 %.
        var share = (await GetArrayAsync(leader, $"/api/v1/values?unit=laocai&indicator={Share}")).Single();
        Assert.True(share.GetProperty("computed").GetBoolean());
        Assert.Equal(3.30m, share.GetProperty("value").GetDecimal());
        Assert.Equal("approved", share.GetProperty("status").GetString());
        var inputs = share.GetProperty("computation").GetProperty("inputs").EnumerateArray()
            .Select(i => (i.GetProperty("indicatorCode").GetString(), i.GetProperty("value").GetDecimal(), i.GetProperty("revision").GetInt32())).ToList();
        Assert.Equal([(Spending, 330m, 1), (Total, 10_000m, 1)], inputs);

        // "≥ 3 % by 2030": 3.30 % already meets it.
        var target = (await GetArrayAsync(leader, "/api/v1/progress?unit=laocai")).Single(p => Code(p) == Share);
        Assert.Equal("achieved", target.GetProperty("status").GetString());
        Assert.Equal(3.30m, target.GetProperty("latestValue").GetDecimal());
        var card = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/progress/units/laocai")).GetProperty("headlines").EnumerateArray()
            .Single(c => c.GetProperty("indicator").GetProperty("code").GetString() == Share);
        Assert.Equal("achieved", card.GetProperty("target").GetProperty("status").GetString());
        Assert.True(card.GetProperty("series").EnumerateArray().Single().GetProperty("computed").GetBoolean());

        // The comparison across provinces and the national heatmap show it too.
        using var national = await portal.CreateClientForAsync("leader.national@demo.local");
        var comparison = await national.GetFromJsonAsync<JsonElement>($"/api/v1/progress/indicators/{Share}/comparison");
        var laoCai = comparison.GetProperty("provinces").EnumerateArray().Single(p => p.GetProperty("unit").GetProperty("code").GetString() == "laocai");
        Assert.Equal([3.30m], laoCai.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetDecimal()));
        var heatmap = (await national.GetFromJsonAsync<JsonElement>("/api/v1/progress/national")).GetProperty("heatmap").EnumerateArray()
            .Single(r => r.GetProperty("unit").GetProperty("code").GetString() == "laocai");
        Assert.Equal("achieved", heatmap.GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("indicatorCode").GetString() == Share).GetProperty("target").GetProperty("status").GetString());

        // The periodic report writes the figure beside the target, no longer "Chưa có số liệu".
        using var auditor = await portal.CreateClientForAsync("auditor.laocai@demo.local");
        var report = DocumentText(await auditor.GetByteArrayAsync("/api/v1/reports/r57?unit=laocai&period=2026&format=docx"));
        Assert.Contains("3,3 % (năm 2026)", report);

        var beforeRevision = portal.Clock.GetUtcNow();
        await Task.Delay(50);
        var exportBefore = await GetCsvAsync(auditor, $"/api/v1/exports/values.csv?unit=laocai&asOf={Uri.EscapeDataString(beforeRevision.ToString("O"))}");

        // Finance corrects the spending to 280 (revision 2), approved: 280 / 10 000 × 100 = 2.80 %.
        await portal.ApproveValueAsync("staff2.laocai", "reviewer.laocai", "laocai", Spending, "2026", 280m);
        share = (await GetArrayAsync(leader, $"/api/v1/values?unit=laocai&indicator={Share}")).Single();
        Assert.Equal(2.80m, share.GetProperty("value").GetDecimal());

        var history = await GetArrayAsync(leader, $"/api/v1/values/computed/history?unit=laocai&indicator={Share}&period=2026");
        Assert.Equal([3.30m, 2.80m], history.Select(h => h.GetProperty("value").GetDecimal()));
        Assert.Equal([1, 2], history.Select(h => h.GetProperty("computation").GetProperty("inputs").EnumerateArray()
            .Single(i => i.GetProperty("indicatorCode").GetString() == Spending).GetProperty("revision").GetInt32()));

        // As of before the revision the export still computes 3.30 from revision 1, with the same checksum as then.
        var exportAsOf = await GetCsvAsync(auditor, $"/api/v1/exports/values.csv?unit=laocai&asOf={Uri.EscapeDataString(beforeRevision.ToString("O"))}");
        var exportNow = await GetCsvAsync(auditor, "/api/v1/exports/values.csv?unit=laocai");
        Assert.Equal(Checksum(exportBefore), Checksum(exportAsOf));
        Assert.Contains($"laocai,{Share},", exportAsOf);
        Assert.Contains(",2026,,3.3,Tính tự động,", exportAsOf);
        Assert.Contains(",2026,,2.8,Tính tự động,", exportNow);
        Assert.DoesNotContain(",3.3,Tính tự động,", exportNow);
        Assert.Contains("lần 2", exportNow);
    }

    [Fact]
    public async Task AnInputStillSubmittedGivesNoShare_AndTheShareIsNeverTyped()
    {
        await portal.ApproveValueAsync("staff2.quangtri", "reviewer.quangtri", "quangtri", Total, "2025", 20_000m);
        using var staff = await portal.CreateClientForAsync("staff2.quangtri@demo.local");
        var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "quangtri", indicator = Spending, period = "2025", value = 500m });
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).EnsureSuccessStatusCode();

        Assert.Empty(await GetArrayAsync(staff, $"/api/v1/values?unit=quangtri&indicator={Share}&period=2025"));

        var typed = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "quangtri", indicator = Share, period = "2025", value = 2.5m });
        Assert.False(typed.IsSuccessStatusCode);
        Assert.Contains("tính tự động", (await typed.Content.ReadAsStringAsync()).ToLowerInvariant());
        // The template Finance downloads holds the two amounts, never the share.
        var template = await staff.GetByteArrayAsync("/api/v1/values/template?period=2025");
        using var stream = new MemoryStream(template);
        var codes = stream.Query(useHeaderRow: true, sheetName: "Số liệu").Cast<IDictionary<string, object?>>()
            .Select(r => r["Mã chỉ số"] as string).ToList();
        Assert.Contains(Spending, codes);
        Assert.Contains(Total, codes);
        Assert.DoesNotContain(Share, codes);
    }

    [Fact]
    public async Task ADivisionByZeroGivesNoValue_WithTheReason()
    {
        using var leader = await LeaderAfterFinanceApprovesAsync("quangtri", "2026", spending: 120m, total: 0m);

        var share = (await GetArrayAsync(leader, $"/api/v1/values?unit=quangtri&indicator={Share}&period=2026")).Single();
        Assert.True(share.GetProperty("computed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, share.GetProperty("value").ValueKind);
        Assert.Equal("division_by_zero", share.GetProperty("computation").GetProperty("problem").GetString());

        var page = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/progress/units/quangtri/indicators/{Share}");
        Assert.Empty(page.GetProperty("values").EnumerateArray());
        var gap = page.GetProperty("gaps").EnumerateArray().Single();
        Assert.Equal("2026", gap.GetProperty("period").GetString());
        Assert.Equal("division_by_zero", gap.GetProperty("computation").GetProperty("problem").GetString());
        var target = (await GetArrayAsync(leader, "/api/v1/progress?unit=quangtri")).Single(p => Code(p) == Share);
        Assert.Equal("no_data", target.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PhuThosShareBeforeTheMergerIsTheRatioOfTheSums_AndIts2026StatusUsesThatBase()
    {
        // 2024, before the merger: Vĩnh Phúc 600 / 20 000 (3 %), Hòa Bình 100 / 10 000 (1 %), the former Phú Thọ 300 / 20 000 (1.5 %).
        // Combined: 1 000 / 50 000 = 2.00 % (averaging the ratios would give 1.83 %).
        await ReportingSteps.BackfillApprovedAsync(portal.ConnectionString, "2024",
            ("vinhphuc", Spending, 600m), ("vinhphuc", Total, 20_000m), ("phutho", Spending, 300m), ("phutho", Total, 20_000m));
        using var leader = await portal.CreateClientForAsync("leader.phutho@demo.local");

        // While Hòa Bình's 2024 figures are missing, there is no combined figure, and the page says why.
        var before = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/progress/units/phutho/indicators/{Spending}");
        Assert.DoesNotContain(before.GetProperty("values").EnumerateArray(), v => v.GetProperty("period").GetString() == "2024");
        var gap = before.GetProperty("gaps").EnumerateArray().Single(g => g.GetProperty("period").GetString() == "2024").GetProperty("computation");
        Assert.Equal("former_unit_missing", gap.GetProperty("problem").GetString());
        Assert.Equal(["hoabinh"], gap.GetProperty("missingUnits").EnumerateArray().Select(u => u.GetProperty("code").GetString()));

        await ReportingSteps.BackfillApprovedAsync(portal.ConnectionString, "2024", ("hoabinh", Spending, 100m), ("hoabinh", Total, 10_000m));
        await AddPhuThoShareTargetAsync();
        // 2026, the merged province: 1 250 / 50 000 = 2.50 %.
        await portal.ApproveValueAsync("staff2.phutho", "reviewer.phutho", "phutho", Spending, "2026", 1_250m);
        await portal.ApproveValueAsync("staff2.phutho", "reviewer.phutho", "phutho", Total, "2026", 50_000m);

        var page = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/progress/units/phutho/indicators/{Share}");
        var values = page.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal([("2024", 2.00m), ("2026", 2.50m)], values.Select(v => (v.GetProperty("period").GetString(), v.GetProperty("value").GetDecimal())));
        var combined = values[0].GetProperty("computation");
        Assert.Equal(["phutho", "hoabinh", "vinhphuc"], combined.GetProperty("combinedFrom").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        Assert.Equal(6, combined.GetProperty("inputs").GetArrayLength());
        Assert.Equal(0, values[1].GetProperty("computation").GetProperty("combinedFrom").GetArrayLength());

        // "≥ 3 % by 2030" (or by the run's year, once 2030 has passed) from the combined base:
        // CAGRᵢ = (2.5 / 2)^(1/2) − 1 = 11.80 %; CAGR_T = (3 / 2)^(1/(T − 2024)) − 1 = 6.99 % for 2030;
        // R = 1.69 → on track (1.98 for a target in 2031: the same growth against a longer way).
        var target = page.GetProperty("targets").EnumerateArray().Single();
        Assert.Equal(2024m, target.GetProperty("baseYear").GetDecimal());
        Assert.Equal(2.00m, target.GetProperty("baseValue").GetDecimal());
        Assert.Equal(2.50m, target.GetProperty("latestValue").GetDecimal());
        var required = Math.Pow(3.0 / 2.0, 1.0 / (ShareTargetYear - 2024)) - 1;
        Assert.Equal(Math.Round((Math.Sqrt(1.25) - 1) / required, 2), Math.Round(target.GetProperty("ratio").GetDouble(), 2));
        Assert.Equal("on_track", target.GetProperty("status").GetString());

        // The former provinces keep their own figures: Vĩnh Phúc's 2024 share is its own 3 %.
        var vinhPhuc = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/progress/units/vinhphuc/indicators/{Share}");
        Assert.Equal(3.00m, vinhPhuc.GetProperty("values").EnumerateArray().First().GetProperty("value").GetDecimal());
    }

    /// <summary>The share target's year: 2030, or the run's year once 2030 has passed, so that the target is still ahead.</summary>
    private static int ShareTargetYear => Math.Max(2030, TestClock.VietnamYear);

    private async Task AddPhuThoShareTargetAsync()
    {
        await using var db = new AppDbContext(TestPostgres.Options(portal.ConnectionString));
        var document = await db.Documents.SingleAsync(d => d.Code == "nq57-tw");
        var unit = await db.Units.SingleAsync(u => u.Code == "phutho");
        var indicator = await db.Indicators.SingleAsync(i => i.Code == Share);
        db.Targets.Add(Target.Create(document, unit, indicator, new TargetTerms(ShareTargetYear, Comparator.AtLeast, 3m, null, null, null, null, null),
            new TargetSource("domain-brief.md", null), toBeConfirmed: false));
        await db.SaveChangesAsync();
    }

    private static string? Code(JsonElement progress) => progress.GetProperty("indicator").GetProperty("code").GetString();

    private static async Task<List<JsonElement>> GetArrayAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    private static async Task<string> GetCsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(bytes));
        return CsvFields.Plain(Encoding.UTF8.GetString(bytes[3..]));
    }

    private static string DocumentText(byte[] docx)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        return new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEnd();
    }

    private static string Checksum(string csv) =>
        csv.Split("\r\n").Single(l => l.StartsWith("Mã kiểm tra dữ liệu (SHA-256),", StringComparison.Ordinal)).Split(',')[1];

    /// <summary>Finance (staff2) enters the two amounts of the share for the unit's period and its reviewer approves them; the unit's leader reads.</summary>
    private async Task<HttpClient> LeaderAfterFinanceApprovesAsync(string unit, string period, decimal spending, decimal total)
    {
        await portal.ApproveValueAsync($"staff2.{unit}", $"reviewer.{unit}", unit, Spending, period, spending);
        await portal.ApproveValueAsync($"staff2.{unit}", $"reviewer.{unit}", unit, Total, period, total);
        return await portal.CreateClientForAsync($"leader.{unit}@demo.local");
    }
}
