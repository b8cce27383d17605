namespace KhcnTracker.BrowserTests;

/// <summary>A leader's dashboards, over values that went through the real workflow (staff report, the reviewer approves).</summary>
public sealed class ProgressBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        // Lào Cai's digital economy: 12 % (2025) → 13 % (2026), judged against the target still ahead (see Ahead).
        await ApproveAsync("laocai", "digital-economy-grdp-share", ("2025", 12m), ("2026", 13m));
        await ApproveAsync("laocai", "online-public-service-use", ("2025", 62m), ("2026", 71m));
        await ApproveAsync("phutho", "digital-economy-grdp-share", ("2025", 20m), ("2026", 22m));
        // Vĩnh Phúc's own 2024 figure, from before the merger (history nobody can report any more: back-filled).
        if (!_backfilled)
        {
            await KhcnTracker.Testing.ReportingSteps.BackfillApprovedAsync(session.Portal.ConnectionString, "2024", ("vinhphuc", "digital-economy-grdp-share", 18m));
            _backfilled = true;
        }
    }

    private static bool _backfilled;

    // The card judges Lào Cai's nearest digital-economy target still ahead, from base 12 % (2025) to 13 % (2026):
    // while 2030 is ahead, "≥ 20 % by 2030": CAGRᵢ = 8.33 %, CAGR_T = (20/12)^(1/5) − 1 = 10.76 %, R = 0.77 → needs
    // acceleration; once 2030 has passed, "> 40 % by 2045": CAGR_T = (40/12)^(1/20) − 1 = 6.20 %, R = 1.34 → on track.
    private static readonly (string Year, string Target, string Status, string Ratio) Ahead = TestClock.VietnamYear <= 2030
        ? ("2030", "≥ 20 %", "Cần đẩy nhanh", "R = 0,77")
        : ("2045", "> 40 %", "Đúng tiến độ", "R = 1,34");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ALeaderSeesLaoCaisDigitalEconomyCard_AndItsChartWithTheTargetLine()
    {
        var page = await session.OpenSignedInAsync("leader.laocai@demo.local", "/progress/units/laocai");

        var card = page.GetByTestId("card-digital-economy-grdp-share");
        await Assertions.Expect(card).ToContainTextAsync("Tỷ trọng kinh tế số");
        await Assertions.Expect(card.GetByTestId("card-latest")).ToHaveTextAsync("13 %");
        await Assertions.Expect(card.GetByTestId("progress-status")).ToHaveTextAsync(Ahead.Status);
        await Assertions.Expect(card).ToContainTextAsync($"{Ahead.Target} ({Ahead.Year})");
        await Assertions.Expect(page.GetByTestId("area-table")).ToContainTextAsync("CĐS");
        await BrowserSession.ScreenshotAsync(page, "progress-overview-laocai");

        await card.GetByTestId("card-open").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/indicators/digital-economy-grdp-share"));
        var chart = page.GetByTestId("indicator-chart");
        await Assertions.Expect(chart.Locator("svg").First).ToBeVisibleAsync();
        // The legend names the target line and the trajectory the target needs.
        // NOTE: once 2030 has passed the chart still runs to 2030 with only its target line (no 2045 line, no trajectory),
        // although docs/progress.md says it runs to the nearest target still ahead — reported to the coordinator.
        await Assertions.Expect(chart).ToContainTextAsync("Chỉ tiêu 2030: ≥ 20 %");
        if (TestClock.VietnamYear <= 2030)
            await Assertions.Expect(chart).ToContainTextAsync("Lộ trình cần thiết đến 2030");
        await Assertions.Expect(page.GetByTestId("target-status").Filter(new() { HasText = Ahead.Year }).First).ToContainTextAsync(Ahead.Ratio);
        await Assertions.Expect(page.GetByTestId("value-table")).ToContainTextAsync("reviewer.laocai@demo.local");
        await BrowserSession.ScreenshotAsync(page, "progress-indicator-laocai");

        // The table's CSV: UTF-8 with a byte-order mark, Vietnamese intact, numbers as numbers.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-values").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        // Text cells come quoted (a guard against formulas); the fields read back as written.
        var lines = KhcnTracker.Testing.CsvFields.Plain(System.Text.Encoding.UTF8.GetString(bytes[3..])).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Kỳ báo cáo,Giá trị,Đơn vị báo cáo", lines[0]);
        Assert.StartsWith("2025,12,Lào Cai,1,Cục Thống kê,staff.laocai@demo.local", lines[1]);
        Assert.StartsWith("2026,13,Lào Cai,1,", lines[2]);
    }

    [Fact]
    public async Task TheNationalLeaderSeesTheHeatmapAndTheComparisonFollowsTheMerger()
    {
        var page = await session.OpenSignedInAsync("leader.national@demo.local", "/progress/national");
        var heatmap = page.GetByTestId("heatmap");
        await Assertions.Expect(heatmap).ToContainTextAsync("Lào Cai");
        var laoCaiRow = heatmap.Locator("tbody tr", new() { HasText = "Lào Cai" });
        await Assertions.Expect(laoCaiRow.Locator("td").First).ToContainTextAsync(Ahead.Status);
        // All 34 provincial units of today have a row; one without targets in the portal says so rather than vanish.
        await Assertions.Expect(heatmap.Locator("tbody tr")).ToHaveCountAsync(34);
        await Assertions.Expect(heatmap.GetByTestId("heatmap-empty-hanoi")).ToHaveTextAsync("Chưa có chỉ tiêu trên cổng");
        await Assertions.Expect(heatmap.Locator("tbody tr", new() { HasText = "Vĩnh Phúc" })).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "progress-national");

        // The tile map: a square for each of the 34, the word in the tile; Lào Cai's tile carries the status of one of
        // its headline targets (the one furthest behind) and leads to its overview from the keyboard.
        var tiles = page.GetByTestId("tile-map");
        await Assertions.Expect(tiles.Locator("li a")).ToHaveCountAsync(34);
        await Assertions.Expect(page.GetByTestId("tile-hanoi")).ToContainTextAsync("Chưa có chỉ tiêu");
        var laoCaiTile = page.GetByTestId("tile-laocai");
        var standing = await laoCaiTile.GetAttributeAsync("data-status");
        var rowStatuses = await laoCaiRow.Locator("td").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.status)");
        Assert.Contains(standing, rowStatuses);
        Assert.NotEqual("none", standing);
        Assert.StartsWith("Lào Cai", (await laoCaiTile.InnerTextAsync()).Trim()); // its name is its visible text
        await laoCaiTile.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/progress/units/laocai");
        await page.GotoAsync(session.Portal.RootUrl + "/progress/national");
        await BrowserSession.WaitForCircuitAsync(page);

        await page.GotoAsync(session.Portal.RootUrl + "/progress/compare/digital-economy-grdp-share");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("compare-table")).ToContainTextAsync("Vĩnh Phúc → Phú Thọ");
        await Assertions.Expect(page.GetByTestId("unit-change").First).ToContainTextAsync("sáp nhập vào Phú Thọ");
        // On the line itself: Vĩnh Phúc's own part, then its continuation under Phú Thọ in another colour, and ▸ on the axis.
        var chart = page.GetByTestId("compare-chart");
        await Assertions.Expect(chart).ToContainTextAsync("Vĩnh Phúc → Phú Thọ (từ 01/07/2025)");
        await Assertions.Expect(chart).ToContainTextAsync("2025 ▸");
        await BrowserSession.ScreenshotAsync(page, "progress-compare");
    }

    private async Task ApproveAsync(string unit, string indicator, params (string Period, decimal Value)[] values)
    {
        using var staff = await session.Portal.CreateClientForAsync($"staff.{unit}@demo.local");
        using var reviewer = await session.Portal.CreateClientForAsync($"reviewer.{unit}@demo.local");
        foreach (var (period, value) in values)
        {
            // Both tests of the class share the portal: approve each value once.
            var approved = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/values?unit={unit}&indicator={indicator}&period={period}&status=approved");
            if (approved.GetArrayLength() > 0) continue;
            var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit, indicator, period, value, source = "Cục Thống kê" });
            saved.EnsureSuccessStatusCode();
            var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).EnsureSuccessStatusCode();
            (await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { })).EnsureSuccessStatusCode();
        }
    }
}
