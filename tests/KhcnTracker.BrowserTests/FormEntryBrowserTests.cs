namespace KhcnTracker.BrowserTests;

/// <summary>
/// Form entry as in DHIS2: staff fill a period's worklist with the keyboard alone — Tab and Enter down the value
/// column, a comment and a follow-up mark without a mouse, a warning on a jump — submit everything that is ready after
/// a confirmation naming the rows, and the reviewer finds them waiting.
/// </summary>
public sealed class FormEntryBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Staff = "staff.laocai@demo.local";
    private const string Jumping = "officials-trained-share";
    private const int ToFill = 12;
    private static readonly string ThisYear = $"{TestClock.VietnamYear}";

    [Fact]
    public async Task StaffFillTwelveIndicatorsWithTheKeyboardOnly_SubmitThem_AndTheReviewerSeesThemSubmitted()
    {
        // Last year's approved figure of one indicator: 40 %. This year's 90 % is more than +50 % away.
        await session.Portal.ApproveValueAsync("staff.laocai", "reviewer.laocai", "laocai", Jumping, TestClock.LastYear, 40m);

        var page = await session.OpenSignedInAsync(Staff, "/my-work");
        await Assertions.Expect(page.GetByTestId("open-form")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "form-entry-my-work-link");
        await page.GotoAsync(session.Portal.RootUrl + "/my-work/form");
        await BrowserSession.WaitForCircuitAsync(page);
        var form = page.GetByTestId("value-form");
        await Assertions.Expect(form).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("form-period")).ToContainTextAsync(ThisYear);
        Assert.True(await form.Locator("tbody tr").CountAsync() >= ToFill, "the demo staff's agency reports at least 12 indicators a year");
        await Assertions.Expect(form.GetByTestId($"form-row-{Jumping}")).ToContainTextAsync($"{TestClock.LastYear}: 40 %");
        // Drafts saved earlier (by another test of this class) are ready too, and go with the twelve.
        var ready = ToFill + await form.Locator("tbody tr[data-status=draft]").CountAsync();

        // From the top of the page, Tab alone reaches the first value field.
        for (var presses = 0; !await ActiveMatchesAsync(page, "[data-form-value]"); presses++)
        {
            Assert.True(presses < 80, "Tab reaches the form's first value field");
            await page.Keyboard.PressAsync("Tab");
        }

        var filled = new List<string>();
        string? commented = null;
        for (var n = 0; filled.Count < ToFill; n++)
        {
            var testId = await ActiveTestIdAsync(page);
            Assert.StartsWith("form-value-", testId);
            var indicator = testId["form-value-".Length..];
            if (await ActiveMatchesAsync(page, "input[type=checkbox]"))
            {
                // A milestone: Space says it is reached; its date field comes next in the column, left empty here.
                await page.Keyboard.PressAsync("Space");
                await Assertions.Expect(page.GetByTestId($"form-reached-{indicator}")).ToBeVisibleAsync();
                await page.Keyboard.PressAsync("Tab");
                Assert.Equal($"form-reached-{indicator}", await ActiveTestIdAsync(page));
            }
            else
            {
                if (commented is null)
                {
                    commented = indicator;
                    // The row's comment and follow-up mark sit just before its field: Shift+Tab, Enter opens them.
                    await page.Keyboard.PressAsync("Shift+Tab");
                    await page.Keyboard.PressAsync("Enter");
                    await page.Keyboard.PressAsync("Tab");
                    Assert.Equal($"form-note-{indicator}", await ActiveTestIdAsync(page));
                    await page.Keyboard.TypeAsync("Số ước tính, chờ Cục Thống kê công bố");
                    await page.Keyboard.PressAsync("Tab");
                    await page.Keyboard.PressAsync("Space");
                    await page.Keyboard.PressAsync("Tab");
                    Assert.Equal(testId, await ActiveTestIdAsync(page));
                }
                await page.Keyboard.TypeAsync(indicator == Jumping ? "90" : $"{filled.Count + 1}");
            }
            filled.Add(indicator);
            // Tab and Enter alike move down the column (and leaving the field saves it).
            await page.Keyboard.PressAsync(n % 2 == 0 ? "Tab" : "Enter");
        }
        foreach (var indicator in filled)
            await Assertions.Expect(page.GetByTestId($"form-state-{indicator}")).ToHaveAttributeAsync("data-state", "saved");
        if (filled.Contains(Jumping))
            await Assertions.Expect(page.GetByTestId($"form-warning-{Jumping}")).ToContainTextAsync("vượt ngưỡng ±50 %");
        await Assertions.Expect(page.GetByTestId("form-submit-ready")).ToContainTextAsync($"({ready})");
        await BrowserSession.ScreenshotAsync(page, "form-entry-filled");

        // On through the empty fields to "submit all that are ready"; Enter, then the confirmation names the twelve.
        for (var presses = 0; await ActiveTestIdAsync(page) != "form-submit-ready"; presses++)
        {
            Assert.True(presses < 80, "Tab reaches the submit button after the last field");
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Keyboard.PressAsync("Enter");
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(confirm).ToContainTextAsync($"Gửi thẩm định {ready} số liệu?");
        await Assertions.Expect(confirm.GetByTestId("form-confirm-list").Locator("li")).ToHaveCountAsync(ready);
        await BrowserSession.ScreenshotAsync(page, "form-entry-confirm");
        for (var presses = 0; await ActiveTestIdAsync(page) != "form-confirm"; presses++)
        {
            Assert.True(presses < 10, "Tab reaches the confirmation's submit button");
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(form.Locator("tbody tr[data-status=submitted]")).ToHaveCountAsync(ready);
        await BrowserSession.ScreenshotAsync(page, "form-entry-submitted");

        // The reviewer's list has every one of them waiting, the comment's row with its follow-up mark.
        using var reviewerApi = await session.Portal.CreateClientForAsync("reviewer.laocai@demo.local");
        var waiting = (await reviewerApi.GetFromJsonAsync<JsonElement>($"/api/v1/values?unit=laocai&period={ThisYear}&status=submitted"))
            .EnumerateArray().ToDictionary(v => v.GetProperty("indicator").GetString()!);
        Assert.All(filled, indicator => Assert.Contains(indicator, waiting.Keys));
        Assert.True(waiting[commented!].GetProperty("followUp").GetBoolean());
        Assert.Equal("Số ước tính, chờ Cục Thống kê công bố", waiting[commented!].GetProperty("note").GetString());
        Assert.All(filled.Where(i => i != commented), i => Assert.False(waiting[i].GetProperty("followUp").GetBoolean()));

        var review = await session.OpenSignedInAsync("reviewer.laocai@demo.local", "/review");
        foreach (var indicator in filled)
            await Assertions.Expect(review.Locator("main")).ToContainTextAsync(waiting[indicator].GetProperty("indicatorNameVi").GetString()!);
        await Assertions.Expect(review.GetByText("Cần theo dõi").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(review, "form-entry-review");
    }

    [Fact]
    public async Task OnAPhoneTheFormReflowsIntoCards_WithoutSidewaysScrolling()
    {
        var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(session.Portal.RootUrl + "/account/login?returnUrl=" + Uri.EscapeDataString("/my-work/form"));
        await BrowserSession.WaitForCircuitAsync(page);
        await BrowserSession.SignInAsync(page, Staff, PortalFactory.DemoPassword);
        await page.WaitForURLAsync(url => url.Contains("/my-work/form"));
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("value-form")).ToBeVisibleAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow} px at 390 px");
        // Every field is labelled for a screen reader.
        foreach (var field in await page.Locator("[data-form-value]").AllAsync())
            Assert.False(string.IsNullOrWhiteSpace(await field.GetAttributeAsync("aria-label")));
        await BrowserSession.ScreenshotAsync(page, "form-entry-phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder(), "form-entry-phone-top.png") });
        await context.CloseAsync();
    }

    [Fact]
    public async Task TheAdministratorSetsAnIndicatorsBandInItsDialog_AndAnEditOfTheNameKeepsIt()
    {
        // Far down the form (by name), so the keyboard test's first twelve rows are not touched, whichever runs first.
        const string indicator = "workforce-basic-digital-skills-share";
        var page = await session.OpenSignedInAsync("admin@demo.local", "/catalogue/indicators");
        var row = page.Locator("tbody tr").Filter(new() { HasText = indicator });
        await row.GetByRole(AriaRole.Button, new() { Name = "Sửa" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("input[data-testid=band-min]").FillAsync("10");
        await dialog.Locator("input[data-testid=band-max]").FillAsync("90");
        await dialog.Locator("input[data-testid=band-jump]").FillAsync("25");
        await BrowserSession.ScreenshotAsync(page, "form-entry-indicator-band");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // A second edit changes only the name: the band read into the dialog goes back with it.
        await row.GetByRole(AriaRole.Button, new() { Name = "Sửa" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("input[data-testid=band-jump]")).ToHaveValueAsync("25");
        var name = dialog.GetByLabel("Tên chỉ số (tiếng Việt)");
        await name.FillAsync(await name.InputValueAsync() + " (đã rà soát)");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        using var api = await session.Portal.CreateClientForAsync("admin@demo.local");
        var saved = (await api.GetFromJsonAsync<JsonElement>("/api/v1/indicators")).EnumerateArray().Single(i => i.GetProperty("code").GetString() == indicator);
        Assert.EndsWith("(đã rà soát)", saved.GetProperty("nameVi").GetString());
        var band = saved.GetProperty("band");
        Assert.Equal(10m, band.GetProperty("expectedMin").GetDecimal());
        Assert.Equal(90m, band.GetProperty("expectedMax").GetDecimal());
        Assert.Equal(25, band.GetProperty("jumpWarningPercent").GetInt32());

        // Staff typing 95 % are warned, in the form as in the single-value dialog, and the figure is saved all the same.
        var staff = await session.OpenSignedInAsync(Staff, "/my-work/form");
        var field = staff.GetByTestId($"form-value-{indicator}");
        await field.FillAsync("95");
        await field.PressAsync("Tab");
        await Assertions.Expect(staff.GetByTestId($"form-state-{indicator}")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(staff.GetByTestId($"form-warning-{indicator}")).ToContainTextAsync("Cao hơn mức dự kiến tối đa 90 %");

        // The single-value dialog stays for one-off edits, and says the same.
        await staff.GotoAsync(session.Portal.RootUrl + "/my-work");
        await BrowserSession.WaitForCircuitAsync(staff);
        await staff.GetByTestId($"period-{ThisYear}").ClickAsync();
        await staff.GetByTestId($"enter-{indicator}-{ThisYear}").ClickAsync();
        var valueDialog = staff.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(valueDialog.GetByTestId("plausibility-warning")).ToContainTextAsync("Cao hơn mức dự kiến tối đa 90 %");
        await Assertions.Expect(valueDialog.GetByText("Cần theo dõi")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(staff, "form-entry-dialog-warning");
    }

    private static Task<bool> ActiveMatchesAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector);

    private static Task<string> ActiveTestIdAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? ''");
}
