namespace KhcnTracker.IntegrationTests.Progress;

/// <summary>
/// Statuses over the API from values that went through the real workflow (staff report, the reviewer approves):
/// only approved values count, the figures behind each status are served, scopes hold, and Vĩnh Phúc's targets are
/// judged by Phú Thọ's values after the merger. Expected figures are worked by hand in the comments.
/// </summary>
public sealed class ProgressApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string DigitalEconomy = "digital-economy-grdp-share";

    [Fact]
    public async Task LaoCaisDigitalEconomyNeedsAcceleration_WithTheFiguresItCameFrom()
    {
        // 12 % (2025) → 13 % (2026): CAGRᵢ = 13/12 − 1 = 8.33 %; "≥ 20 % by 2030" needs (20/12)^(1/5) − 1 = 10.76 % a year;
        // R = 0.77 → needs acceleration. Once 2030 has passed (a run after it), the method says "not achieved" instead:
        // the last value up to 2030, 13 %, does not meet 20 %, and no growth is computed.
        await ApproveAsync("laocai", "staff.laocai", "reviewer.laocai", DigitalEconomy, ("2025", 12m), ("2026", 13m));
        using var leader = await portal.CreateClientForAsync("leader.laocai@demo.local");

        var progress = await GetArrayAsync(leader, "/api/v1/progress?unit=laocai");
        var target = progress.Single(p => Indicator(p) == DigitalEconomy && p.GetProperty("targetYear").GetInt32() == 2030);

        Assert.Equal("ge", target.GetProperty("comparator").GetString());
        Assert.Equal(20m, target.GetProperty("value").GetDecimal());
        Assert.Equal("2026", target.GetProperty("latestPeriod").GetString());
        Assert.Equal(13m, target.GetProperty("latestValue").GetDecimal());
        if (TargetYearIsAhead(2030))
        {
            Assert.Equal(2025m, target.GetProperty("baseYear").GetDecimal());
            Assert.Equal(12m, target.GetProperty("baseValue").GetDecimal());
            Assert.Equal("needs_acceleration", target.GetProperty("status").GetString());
            Assert.Equal(0.0833, Math.Round(target.GetProperty("currentGrowth").GetDouble(), 4));
            Assert.Equal(0.1076, Math.Round(target.GetProperty("requiredGrowth").GetDouble(), 4));
            Assert.Equal(0.77, Math.Round(target.GetProperty("ratio").GetDouble(), 2));
        }
        else
        {
            Assert.Equal("not_achieved", target.GetProperty("status").GetString());
            Assert.Equal("year-passed", target.GetProperty("rule").GetString());
            Assert.Equal(JsonValueKind.Null, target.GetProperty("ratio").ValueKind);
        }
        Assert.Equal("laocai", target.GetProperty("unit").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ADraftOrSubmittedValueMovesNoStatus()
    {
        using var staff = await portal.CreateClientForAsync("staff.laocai@demo.local");
        var saved = await staff.PostAsJsonAsync("/api/v1/values",
            new { unit = "laocai", indicator = "online-public-service-use", period = "2025", value = 85m, source = "Sở KH&CN" });
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).EnsureSuccessStatusCode();

        var progress = await GetArrayAsync(staff, "/api/v1/progress?unit=laocai");
        var target = progress.Single(p => Indicator(p) == "online-public-service-use");

        // 85 % would meet "> 80 %", but it is only submitted: no approved value, no status.
        Assert.Equal("no_data", target.GetProperty("status").GetString());
        Assert.Equal("no-values", target.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task VinhPhucsTargetsAreJudgedByPhuThosValuesAfterTheMerger()
    {
        await ApproveAsync("phutho", "staff.phutho", "reviewer.phutho", DigitalEconomy, ("2025", 20m), ("2026", 22m));
        using var leader = await portal.CreateClientForAsync("leader.phutho@demo.local");

        var progress = await GetArrayAsync(leader, "/api/v1/progress?unit=phutho");
        var vinhPhuc = progress.Where(p => Indicator(p) == DigitalEconomy && p.GetProperty("unit").GetProperty("code").GetString() == "vinhphuc").ToList();

        // "≥ 25 % in 2025": the year has passed and 20 % does not meet it.
        Assert.Equal("not_achieved", vinhPhuc.Single(p => p.GetProperty("targetYear").GetInt32() == 2025).GetProperty("status").GetString());
        // "≥ 35 % by 2030": 20 → 22 is 10 % a year against (35/20)^(1/5) − 1 = 11.84 % needed: R = 0.84 → needs acceleration;
        // once 2030 has passed, 22 % up to 2030 does not meet 35 %: not achieved.
        var by2030 = vinhPhuc.Where(p => p.GetProperty("targetYear").GetInt32() == 2030).ToList();
        Assert.NotEmpty(by2030);
        Assert.All(by2030, p =>
        {
            Assert.Equal(22m, p.GetProperty("latestValue").GetDecimal());
            if (TargetYearIsAhead(2030))
            {
                Assert.Equal("needs_acceleration", p.GetProperty("status").GetString());
                Assert.Equal(0.84, Math.Round(p.GetProperty("ratio").GetDouble(), 2));
            }
            else
                Assert.Equal("not_achieved", p.GetProperty("status").GetString());
        });

        // The comparison shows Vĩnh Phúc's series continuing under Phú Thọ, with the merger as a marker.
        using var national = await portal.CreateClientForAsync("leader.national@demo.local");
        var comparison = await national.GetFromJsonAsync<JsonElement>($"/api/v1/progress/indicators/{DigitalEconomy}/comparison");
        var series = comparison.GetProperty("provinces").EnumerateArray().Single(p => p.GetProperty("unit").GetProperty("code").GetString() == "vinhphuc");
        Assert.Equal(["phutho", "phutho"], series.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("unitCode").GetString()));
        var change = series.GetProperty("unitChanges").EnumerateArray().Single();
        Assert.Equal("phutho", change.GetProperty("to").GetProperty("code").GetString());
        Assert.Equal("2025-07-01", change.GetProperty("on").GetString());
    }

    [Fact]
    public async Task AProvincesLeaderSeesOnlyTheirProvince()
    {
        using var leader = await portal.CreateClientForAsync("leader.laocai@demo.local");

        var other = await leader.GetAsync("/api/v1/progress?unit=phutho");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("không có quyền", (await other.Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/progress/units/vinhphuc")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/api/v1/progress/units/phutho/indicators/{DigitalEconomy}")).StatusCode);

        var mine = await GetArrayAsync(leader, "/api/v1/progress");
        Assert.NotEmpty(mine);
        Assert.All(mine, p => Assert.Equal("laocai", p.GetProperty("unit").GetProperty("code").GetString()));

        var heatmap = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/progress/national")).GetProperty("heatmap").EnumerateArray().ToList();
        Assert.Equal(["laocai"], heatmap.Select(r => r.GetProperty("unit").GetProperty("code").GetString()));

        using var national = await portal.CreateClientForAsync("leader.national@demo.local");
        var all = await GetArrayAsync(national, "/api/v1/progress");
        Assert.Equal(["laocai", "quangtri", "vinhphuc", "vn"], all.Select(p => p.GetProperty("unit").GetProperty("code").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task FiltersByAreaAndYear_AndRefusesAnUnknownArea()
    {
        using var leader = await portal.CreateClientForAsync("leader.national@demo.local");

        var cds2030 = await GetArrayAsync(leader, "/api/v1/progress?area=cds&year=2030");
        Assert.NotEmpty(cds2030);
        Assert.All(cds2030, p =>
        {
            Assert.Equal(2030, p.GetProperty("targetYear").GetInt32());
            Assert.Contains("cds", p.GetProperty("indicator").GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        });

        var refused = await leader.GetAsync("/api/v1/progress?area=xyz");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Lĩnh vực phải là khcn, dmst hoặc cds", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheOverviewCountsEveryTargetPerAreaAndShowsTheHeadlineCards()
    {
        using var leader = await portal.CreateClientForAsync("leader.laocai@demo.local");
        var overview = await leader.GetFromJsonAsync<JsonElement>("/api/v1/progress/units/laocai");
        var targets = overview.GetProperty("targets").EnumerateArray().ToList();

        // Every target is counted once in each area its indicator belongs to.
        foreach (var area in overview.GetProperty("areas").EnumerateArray())
        {
            var word = area.GetProperty("area").GetString();
            var expected = targets.Count(t => t.GetProperty("indicator").GetProperty("areas").EnumerateArray().Any(a => a.GetString() == word));
            Assert.Equal(expected, area.GetProperty("byStatus").EnumerateObject().Sum(s => s.Value.GetInt32()));
        }
        var cards = overview.GetProperty("headlines").EnumerateArray().Select(c => c.GetProperty("indicator").GetProperty("code").GetString()).ToList();
        Assert.Equal([DigitalEconomy, "budget-khcn-dmst-cds-share", "online-public-service-use", "non-cash-payment-share", "innovating-enterprise-share"], cards);
        // Lào Cai's digital economy card shows the nearest target still ahead (2030 until it has passed, then 2045), never
        // a later one while a nearer is ahead, and the last one once all have passed.
        var years = targets.Where(t => t.GetProperty("indicator").GetProperty("code").GetString() == DigitalEconomy)
            .Select(t => t.GetProperty("targetYear").GetInt32()).Distinct().Order().ToList();
        Assert.Contains(2030, years);
        Assert.Contains(2045, years);
        var shown = years.Where(TargetYearIsAhead).DefaultIfEmpty(years[^1]).First();
        var digital = overview.GetProperty("headlines").EnumerateArray().First().GetProperty("target");
        Assert.Equal(shown, digital.GetProperty("targetYear").GetInt32());
        if (TargetYearIsAhead(2030)) Assert.Equal(2030, shown);
    }

    /// <summary>Whether a target year has not yet passed at the run's date in Vietnam (the method judges it by trend, not as due).</summary>
    private static bool TargetYearIsAhead(int year) => year >= TestClock.VietnamYear;

    private async Task ApproveAsync(string unit, string staffName, string reviewerName, string indicator, params (string Period, decimal Value)[] values)
    {
        using var staff = await portal.CreateClientForAsync($"{staffName}@demo.local");
        using var reviewer = await portal.CreateClientForAsync($"{reviewerName}@demo.local");
        foreach (var (period, value) in values)
        {
            var saved = await staff.PostAsJsonAsync("/api/v1/values", new { unit, indicator, period, value, source = "Cục Thống kê" });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            (await staff.PostAsJsonAsync($"/api/v1/values/{id}/submit", new { })).EnsureSuccessStatusCode();
            (await reviewer.PostAsJsonAsync($"/api/v1/values/{id}/approve", new { })).EnsureSuccessStatusCode();
        }
    }

    private static string? Indicator(JsonElement p) => p.GetProperty("indicator").GetProperty("code").GetString();

    private static async Task<List<JsonElement>> GetArrayAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }
}
