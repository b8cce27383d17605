using System.Globalization;
using KhcnTracker.Testing;
using Microsoft.Playwright;

namespace KhcnTracker.BrowserTests;

/// <summary>
/// A target with one approved value, as a leader sees it: the value and "Chưa đủ số liệu để đánh giá xu hướng" (not
/// "Chưa có số liệu") on the card, the heatmap and the indicator page, and the comparison chart draws the single point.
/// </summary>
public sealed class StatusWordsBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string NotEnoughData = "Chưa đủ số liệu để đánh giá xu hướng";

    [Fact]
    public async Task AOnePointTarget_ShowsItsValueAndNotEnoughDataForATrend_AndTheChartDrawsThePoint()
    {
        // Lào Cai's digital economy target still ahead (≥ 20 % by 2030, then > 40 % by 2045): one approved value, 12 % last
        // year (nobody else has reported it).
        var lastYear = (TestClock.VietnamYear - 1).ToString(CultureInfo.InvariantCulture);
        await session.Portal.BackfillThroughReviewAsync("staff.laocai", "reviewer.laocai", "laocai", "digital-economy-grdp-share", lastYear, 12m);

        var page = await session.OpenSignedInAsync("leader.laocai@demo.local", "/progress/units/laocai");
        var card = page.GetByTestId("card-digital-economy-grdp-share");
        await Assertions.Expect(card.GetByTestId("card-latest")).ToHaveTextAsync("12 %");
        await Assertions.Expect(card.GetByTestId("progress-status")).ToHaveTextAsync(NotEnoughData);
        await Assertions.Expect(card).Not.ToContainTextAsync("Chưa có số liệu");
        await BrowserSession.ScreenshotAsync(page, "status-card-one-point");
        await card.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder(), "status-card-one-point-close.png") });
        // The areas' table counts the digital-economy targets still ahead under the new word, in its own column.
        var areas = page.GetByTestId("area-table");
        await Assertions.Expect(areas.Locator("th").Filter(new() { HasText = "Chưa đủ số liệu để đánh giá xu hướng" })).ToHaveCountAsync(1);
        await areas.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder(), "status-area-table.png") });

        await card.GetByTestId("card-open").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/indicators/digital-economy-grdp-share"));
        // The nearest digital-economy target still ahead: "≥ 20 % by 2030", or "> 40 % by 2045" once 2030 has passed
        // (a passed target is "not achieved" whatever its series: docs/progress.md).
        var ahead = TestClock.VietnamYear <= 2030 ? "2030" : "2045";
        var status = page.GetByTestId("target-status").Filter(new() { HasText = ahead }).First;
        await Assertions.Expect(status).ToContainTextAsync(NotEnoughData);
        await Assertions.Expect(status).ToContainTextAsync($"Mới có một thời điểm số liệu: 12 ({lastYear}). Cần ít nhất hai thời điểm để đánh giá xu hướng.");
        await BrowserSession.ScreenshotAsync(page, "status-indicator-one-point");

        var national = await session.OpenSignedInAsync("leader.national@demo.local", "/progress/national");
        var laoCai = national.GetByTestId("heatmap").Locator("tbody tr", new() { HasText = "Lào Cai" });
        await Assertions.Expect(laoCai.Locator("td").First).ToContainTextAsync(NotEnoughData);
        await Assertions.Expect(laoCai.Locator("td").First).ToContainTextAsync("12 %");
        await Assertions.Expect(laoCai.Locator("td").First).ToHaveAttributeAsync("data-status", "not_enough_data");
        await BrowserSession.ScreenshotAsync(national, "status-heatmap-one-point");

        await national.GotoAsync(session.Portal.RootUrl + "/progress/compare/digital-economy-grdp-share");
        await BrowserSession.WaitForCircuitAsync(national);
        var chart = national.GetByTestId("compare-chart");
        await Assertions.Expect(chart).ToContainTextAsync(lastYear);
        // The single value is drawn as a data marker in the middle of the plot, not squeezed onto the vertical axis.
        var point = chart.Locator("svg circle").First;
        await Assertions.Expect(point).ToBeVisibleAsync();
        var plot = (await chart.Locator("svg").First.BoundingBoxAsync())!;
        var marker = (await point.BoundingBoxAsync())!;
        var across = (marker.X + marker.Width / 2 - plot.X) / plot.Width;
        Assert.InRange(across, 0.3, 0.7);
        await Assertions.Expect(national.GetByTestId("compare-table")).ToContainTextAsync(NotEnoughData);
        await BrowserSession.ScreenshotAsync(national, "status-compare-one-point");
    }
}
