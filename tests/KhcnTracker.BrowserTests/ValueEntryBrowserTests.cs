namespace KhcnTracker.BrowserTests;

/// <summary>A value is stored exactly as the person meant it — shown back before saving — or refused with a clear message.</summary>
public sealed class ValueEntryBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Indicator = "online-public-service-use";

    [Fact]
    public async Task TypedNumbersAreReadAsMeant_OrRefused_AndNothingElseIsStored()
    {
        var page = await session.OpenSignedInAsync("staff.laocai@demo.local", "/my-work");
        await page.GetByTestId("period-2026").ClickAsync();

        // A dot before other than three digits cannot group thousands: 12.5 is twelve and a half, as 12,5 is.
        await TypeAsync(page, "12.5");
        await Assertions.Expect(page.GetByTestId("value-preview")).ToHaveTextAsync("Sẽ lưu: 12,5 %");
        await BrowserSession.ScreenshotAsync(page, "value-entry-dot");
        await SaveAsync(page);
        Assert.Equal(12.5m, await StoredAsync());

        await TypeAsync(page, "12,8");
        await Assertions.Expect(page.GetByTestId("value-preview")).ToHaveTextAsync("Sẽ lưu: 12,8 %");
        await SaveAsync(page);
        Assert.Equal(12.8m, await StoredAsync());

        // 1.234,5 is one thousand two hundred and thirty-four and a half: shown so, and refused as a percentage over 100.
        await TypeAsync(page, "1.234,5");
        await Assertions.Expect(page.GetByTestId("value-preview")).ToHaveTextAsync("Sẽ lưu: 1.234,5 %");
        await page.GetByTestId("value-save").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("100");
        await BrowserSession.ScreenshotAsync(page, "value-entry-over-100");
        await CancelAsync(page);
        Assert.Equal(12.8m, await StoredAsync());

        // Not a number: said at once, and saving writes nothing.
        await TypeAsync(page, "abc");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("“abc” không phải là số");
        await page.GetByTestId("value-save").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "value-entry-not-a-number");
        await CancelAsync(page);

        // More decimals than the indicator takes (one): refused before anything is sent.
        await TypeAsync(page, "12,55");
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("nhiều hơn 1 chữ số thập phân");
        await CancelAsync(page);
        Assert.Equal(12.8m, await StoredAsync());
    }

    private static async Task TypeAsync(IPage page, string text)
    {
        await page.GetByTestId($"enter-{Indicator}-2026").ClickAsync();
        var input = page.Locator("input[data-testid=value-input]");
        await input.FillAsync(text);
        await input.PressAsync("Tab");
    }

    private static async Task SaveAsync(IPage page)
    {
        await page.GetByTestId("value-save").ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=value-input]")).ToHaveCountAsync(0);
    }

    private static async Task CancelAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Hủy" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=value-input]")).ToHaveCountAsync(0);
    }

    /// <summary>What the portal holds, read back through the API as another system would.</summary>
    private async Task<decimal?> StoredAsync()
    {
        using var client = await session.Portal.CreateClientForAsync("staff.laocai@demo.local");
        var values = await client.GetFromJsonAsync<JsonElement>($"/api/v1/values?unit=laocai&indicator={Indicator}&period=2026");
        var value = values.EnumerateArray().Single().GetProperty("value");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
    }
}
