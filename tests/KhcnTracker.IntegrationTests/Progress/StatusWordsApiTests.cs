using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using KhcnTracker.Testing;

namespace KhcnTracker.IntegrationTests.Progress;

/// <summary>
/// The honest status words over the API, from values that went through the workflow (entered, submitted, approved):
/// one point in time is "not enough data for a trend" with its value, a base of 0 is "not computable" with the reason,
/// and neither is "no data". Periods are chosen from the test clock (last year and the year before), and the target is
/// Lào Cai's nearest digital-economy target still ahead (≥ 20 % by 2030, then > 40 % by 2045): a target whose year has
/// passed is judged "not achieved" first, whatever its series.
/// </summary>
public sealed class StatusWordsApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    internal static readonly string LastYear = (TestClock.VietnamYear - 1).ToString(CultureInfo.InvariantCulture);
    internal static readonly string YearBefore = (TestClock.VietnamYear - 2).ToString(CultureInfo.InvariantCulture);
    internal const string Indicator = "digital-economy-grdp-share";
    internal static readonly (int Year, decimal Aimed) Ahead = TestClock.VietnamYear <= 2030 ? (2030, 20m) : (2045, 40m);

    [Fact]
    public async Task OneApprovedValue_IsNotEnoughDataForATrend_WithTheValueCarried()
    {
        // Only 12 % (last year) → one point in time, no trend, but not "no data".
        await portal.BackfillThroughReviewAsync("staff.laocai", "reviewer.laocai", "laocai", Indicator, LastYear, 12m);
        using var leader = await portal.CreateClientForAsync("leader.laocai@demo.local");

        var target = await TargetAsync(leader);

        Assert.Equal("not_enough_data", target.GetProperty("status").GetString());
        Assert.Equal("one-point", target.GetProperty("rule").GetString());
        Assert.Equal(LastYear, target.GetProperty("latestPeriod").GetString());
        Assert.Equal(12m, target.GetProperty("latestValue").GetDecimal());
        Assert.Equal(12m, target.GetProperty("baseValue").GetDecimal());
        Assert.Equal(Ahead.Aimed, target.GetProperty("aimedValue").GetDecimal());
        Assert.Equal(JsonValueKind.Null, target.GetProperty("ratio").ValueKind);

        // The periodic report: the value in "Kết quả mới nhất" beside the new word, and such targets counted apart.
        using var auditor = await portal.CreateClientForAsync("auditor.laocai@demo.local");
        var docx = await auditor.GetByteArrayAsync($"/api/v1/reports/r57?unit=laocai&period={LastYear}&format=docx");
        using var zip = new ZipArchive(new MemoryStream(docx));
        var xml = await new StreamReader(zip.GetEntry("word/document.xml")!.Open()).ReadToEndAsync();
        Assert.Contains($"12 % (năm {LastYear})", xml);
        Assert.Contains(">Chưa đủ số liệu để đánh giá xu hướng<", xml);
        // Lào Cai's digital-economy targets still ahead (2030 and 2045, or 2045 alone once 2030 has passed) have this one value.
        Assert.Contains($"chưa đủ số liệu để đánh giá xu hướng: {(Ahead.Year == 2030 ? 2 : 1)};", xml);
    }

    internal static async Task<JsonElement> TargetAsync(HttpClient client)
    {
        var progress = await client.GetFromJsonAsync<JsonElement>("/api/v1/progress?unit=laocai");
        return progress.EnumerateArray().Single(p =>
            p.GetProperty("indicator").GetProperty("code").GetString() == Indicator && p.GetProperty("targetYear").GetInt32() == Ahead.Year
            && p.GetProperty("unit").GetProperty("code").GetString() == "laocai");
    }
}
