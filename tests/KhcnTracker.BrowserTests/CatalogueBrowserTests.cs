using Microsoft.Playwright;

namespace KhcnTracker.BrowserTests;

public sealed class CatalogueBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task SearchingWithoutDiacriticsFindsLaoCaisDigitalEconomyTargetAndItsQuote()
    {
        var page = await session.OpenSignedInAsync("leader.laocai@demo.local", "/catalogue/targets");
        // Type only once the page has loaded its filters and first rows: a render that lands mid-typing resets the box.
        await Assertions.Expect(page.GetByTestId("targets-grid").Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Văn bản" })).ToBeVisibleAsync();

        // MudTextField puts extra attributes on its <input>.
        await page.Locator("input[data-testid=target-search]").FillAsync("kinh te so");
        await Assertions.Expect(page.Locator("input[data-testid=target-search]")).ToHaveValueAsync("kinh te so");
        var grid = page.GetByTestId("targets-grid");
        await Assertions.Expect(grid.GetByText("Lào Cai").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "targets-search");

        var row = grid.Locator("tr").Filter(new() { HasText = "Lào Cai" }).Filter(new() { HasText = "Tỷ trọng kinh tế số" })
            .Filter(new() { HasText = "2030" }).First;
        await Assertions.Expect(row).ToContainTextAsync("≥ 20 %");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.GetByTestId("target-value")).ToContainTextAsync("≥ 20 % · 2030");
        await Assertions.Expect(page.GetByTestId("source-quote")).ToContainTextAsync("20%");
        await BrowserSession.ScreenshotAsync(page, "target-laocai-2030");
    }

    [Fact]
    public async Task TheTaskListFiltersByStatus()
    {
        var page = await session.OpenSignedInAsync("leader.phutho@demo.local", "/catalogue/tasks?status=overdue");
        var grid = page.GetByTestId("tasks-grid");
        await Assertions.Expect(grid.Locator("tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(grid.Locator("tbody").GetByText("Quá hạn").First).ToBeVisibleAsync();
        await Assertions.Expect(grid.Locator("tbody").GetByText("Hoàn thành")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "tasks-overdue");
    }
}
