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
    public async Task AnAdministratorRetiresADocumentWithAReasonFindsItUnderRetiredAndRestoresIt()
    {
        var page = await session.OpenSignedInAsync("admin@demo.local", "/catalogue/documents");
        var row = page.Locator("tbody tr").Last;
        await Assertions.Expect(row).ToBeVisibleAsync();
        var count = await page.Locator("tbody tr").CountAsync();
        await row.GetByTestId("retire").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Bản ghi vẫn được giữ cùng lịch sử và có thể khôi phục.");
        await Assertions.Expect(dialog.GetByTestId("retire-confirm")).ToBeDisabledAsync(); // no reason, no retiring
        await page.Locator("textarea[data-testid=retire-reason-input]").FillAsync("Đã được thay thế bằng kế hoạch năm 2026");
        await Assertions.Expect(dialog.GetByTestId("retire-confirm")).ToBeEnabledAsync();
        await BrowserSession.ScreenshotAsync(page, "retire-dialog");
        await dialog.GetByTestId("retire-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(count - 1);

        await page.GetByTestId("show-retired").ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(count);
        // The only retired document, shown with who, when and why.
        var retired = page.Locator("tbody tr").Filter(new() { Has = page.GetByTestId("retired-note") });
        await Assertions.Expect(retired).ToHaveCountAsync(1);
        await Assertions.Expect(retired.GetByTestId("retired-note")).ToContainTextAsync("admin@demo.local ngừng sử dụng lúc");
        await Assertions.Expect(retired.GetByTestId("retired-note")).ToContainTextAsync("Đã được thay thế bằng kế hoạch năm 2026");
        await Assertions.Expect(retired.GetByRole(AriaRole.Button, new() { Name = "Sửa" })).ToHaveCountAsync(0); // read-only
        await BrowserSession.ScreenshotAsync(page, "documents-retired");

        await retired.GetByTestId("restore").ClickAsync();
        await Assertions.Expect(page.GetByTestId("retired-note")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tbody tr").GetByTestId("retire")).ToHaveCountAsync(count);
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
