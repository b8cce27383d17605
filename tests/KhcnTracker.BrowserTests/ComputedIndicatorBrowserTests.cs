namespace KhcnTracker.BrowserTests;

/// <summary>The budget share on the pages: never typed, worked out from Finance's two approved amounts.</summary>
public sealed class ComputedIndicatorBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Share = "budget-khcn-dmst-cds-share";

    [Fact]
    public async Task FinancesApprovedAmountsPutTheShareOnTheLaoCaiOverview_WithItsStatusAndInputs()
    {
        // Finance's worklist offers the two amounts, says which figure they feed, and never the share itself.
        var work = await session.OpenSignedInAsync("staff2.laocai@demo.local", "/my-work");
        await work.GetByTestId("period-2026").ClickAsync();
        await Assertions.Expect(work.GetByTestId("feeds-budget-total-spending")).ToContainTextAsync("Dùng để tính: Tỷ lệ chi ngân sách cho KHCN, ĐMST và CĐS");
        await Assertions.Expect(work.GetByTestId($"enter-{Share}-2026")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(work, "computed-finance-worklist");

        // 330 / 10 000 × 100 = 3,3 % against "≥ 3 % by 2030": achieved.
        await session.Portal.ApproveValueAsync("staff2.laocai", "reviewer.laocai", "laocai", "budget-khcn-dmst-cds-spending", "2026", 330m);
        await session.Portal.ApproveValueAsync("staff2.laocai", "reviewer.laocai", "laocai", "budget-total-spending", "2026", 10_000m);

        var page = await session.OpenSignedInAsync("leader.laocai@demo.local", "/progress/units/laocai");
        var card = page.GetByTestId($"card-{Share}");
        await Assertions.Expect(card.GetByTestId("card-latest")).ToHaveTextAsync("3,3 %");
        await Assertions.Expect(card.GetByTestId("progress-status")).ToHaveTextAsync("Đã đạt");
        await Assertions.Expect(card).ToContainTextAsync("≥ 3 % (2030)");
        await BrowserSession.ScreenshotAsync(page, "computed-overview-laocai");

        await card.GetByTestId("card-open").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/indicators/{Share}"));
        var inputs = page.GetByTestId("computed-inputs-2026");
        await Assertions.Expect(inputs).ToContainTextAsync("Chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số (Lào Cai, lần 1): 330");
        await Assertions.Expect(inputs).ToContainTextAsync("Tổng chi ngân sách (địa phương) (Lào Cai, lần 1): 10.000");
        await Assertions.Expect(page.GetByTestId("value-table")).ToContainTextAsync("Tính tự động");
        await BrowserSession.ScreenshotAsync(page, "computed-indicator-laocai");
    }
}
