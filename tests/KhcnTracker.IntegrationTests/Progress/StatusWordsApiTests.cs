using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using KhcnTracker.Testing;

namespace KhcnTracker.IntegrationTests.Progress;

/// <summary>
/// The honest status words over the API, from values that went through the workflow (entered, submitted, approved):
/// one point in time is "not enough data for a trend" with its value, a base of 0 is "not computable" with the reason,
/// and neither is "no data". Periods are chosen from the test clock (last year and the year before).
/// </summary>
public sealed class StatusWordsApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string LastYear = (TestClock.VietnamYear - 1).ToString(CultureInfo.InvariantCulture);
    private static readonly string YearBefore = (TestClock.VietnamYear - 2).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task OneApprovedValue_IsNotEnoughDataForATrend_WithTheValueCarried()
    {
        // Lào Cai, digital economy "≥ 20 % by 2030": only 12 % (last year) → one point in time, no trend, but not "no data".
        await portal.BackfillThroughReviewAsync("staff.laocai", "reviewer.laocai", "laocai", "digital-economy-grdp-share", LastYear, 12m);
        using var leader = await portal.CreateClientForAsync("leader.laocai@demo.local");

        var target = await TargetAsync(leader, "digital-economy-grdp-share", 2030);

        Assert.Equal("not_enough_data", target.GetProperty("status").GetString());
        Assert.Equal("one-point", target.GetProperty("rule").GetString());
        Assert.Equal(LastYear, target.GetProperty("latestPeriod").GetString());
        Assert.Equal(12m, target.GetProperty("latestValue").GetDecimal());
        Assert.Equal(12m, target.GetProperty("baseValue").GetDecimal());
        Assert.Equal(20m, target.GetProperty("aimedValue").GetDecimal());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("ratio").ValueKind);

        // The periodic report: the value in "Kết quả mới nhất" beside the new word, and such targets counted apart.
        using var auditor = await portal.CreateClientForAsync("auditor.laocai@demo.local");
        var docx = await auditor.GetByteArrayAsync($"/api/v1/reports/r57?unit=laocai&period={LastYear}&format=docx");
        using var zip = new ZipArchive(new MemoryStream(docx));
        var xml = await new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEndAsync();
        Assert.Contains($"12 % (năm {LastYear})", xml);
        Assert.Contains(">Chưa đủ số liệu để đánh giá xu hướng<", xml);
        // Lào Cai's two digital-economy targets (≥ 20 % by 2030, > 40 % by 2045) have this one value.
        Assert.Contains("chưa đủ số liệu để đánh giá xu hướng: 2;", xml);
    }

    [Fact]
    public async Task AZeroBase_IsNotComputable_WithTheReasonAndTheFigures()
    {
        // Lào Cai, online public services "> 80 % by 2030": 0 % (the year before) → 50 % (last year). Replacing the 0 by 0.001
        // would give CAGRᵢ = 50 000 − 1 and an R in the thousands: instead not computable, rule zero-base, no R.
        await portal.BackfillThroughReviewAsync("staff.laocai", "reviewer.laocai", "laocai", "online-public-service-use", YearBefore, 0m);
        await portal.BackfillThroughReviewAsync("staff.laocai", "reviewer.laocai", "laocai", "online-public-service-use", LastYear, 50m);
        using var leader = await portal.CreateClientForAsync("leader.laocai@demo.local");

        var target = await TargetAsync(leader, "online-public-service-use", 2030);

        Assert.Equal("not_computable", target.GetProperty("status").GetString());
        Assert.Equal("zero-base", target.GetProperty("rule").GetString());
        Assert.Equal(decimal.Parse(YearBefore, CultureInfo.InvariantCulture), target.GetProperty("baseYear").GetDecimal());
        Assert.Equal(0m, target.GetProperty("baseValue").GetDecimal());
        Assert.Equal(50m, target.GetProperty("latestValue").GetDecimal());
        Assert.Equal(80m, target.GetProperty("aimedValue").GetDecimal());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("currentGrowth").ValueKind);
        Assert.Equal(JsonValueKind.Null, target.GetProperty("ratio").ValueKind);
    }

    private static async Task<JsonElement> TargetAsync(HttpClient client, string indicator, int year)
    {
        var progress = await client.GetFromJsonAsync<JsonElement>("/api/v1/progress?unit=laocai");
        return progress.EnumerateArray().Single(p =>
            p.GetProperty("indicator").GetProperty("code").GetString() == indicator && p.GetProperty("targetYear").GetInt32() == year
            && p.GetProperty("unit").GetProperty("code").GetString() == "laocai");
    }
}
