using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.BrowserTests;

/// <summary>
/// Periods as officials run them, in the browser: the administrator creates 2021 (its due date typed dd/MM/yyyy into
/// the date picker) and opens it for Lào Cai's back-fill, staff enter the 2021 figure in the value dialog and the
/// reviewer approves it on the review page, and the province overview judges the target from it; then Lào Cai's
/// reviewer locks 2025 and staff can no longer write there. Each step is screenshotted.
/// </summary>
public sealed class PeriodBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string DigitalEconomy = "digital-economy-grdp-share";

    [Fact]
    public async Task AnAdministratorOpens2021ForBackfill_TheOverviewJudgesFromIt_AndTheReviewerLocks2025()
    {
        // Lào Cai's digital economy "≥ 20 % by 2030" has no baseline in its text: with only 2025 (12 %) there is no trend —
        // the value is there, so the word is "not enough data for a trend", not "no data".
        await session.Portal.ApproveValueAsync("staff.laocai", "reviewer.laocai", "laocai", DigitalEconomy, "2025", 12m);
        var leader = await session.OpenSignedInAsync("leader.laocai@demo.local", "/progress/units/laocai");
        var card = leader.GetByTestId($"card-{DigitalEconomy}");
        await Assertions.Expect(card.GetByTestId("progress-status")).ToHaveTextAsync("Chưa đủ số liệu để đánh giá xu hướng");

        var admin = await session.OpenSignedInAsync("admin@demo.local", "/admin/periods?unit=laocai");
        await admin.GetByTestId("period-create-code").FillAsync("2021");
        // The due date is typed as people write dates here, day first; the picker keeps it as typed.
        var due = admin.Locator("#period-create-due");
        await due.FillAsync("31/01/2022");
        await due.PressAsync("Tab");
        await Assertions.Expect(due).ToHaveValueAsync("31/01/2022");
        await Assertions.Expect(admin.GetByTestId("period-create")).ToBeEnabledAsync();
        await BrowserSession.ScreenshotAsync(admin, "periods-create-due-date");
        await admin.GetByTestId("period-create").ClickAsync();
        // A past period starts closed everywhere; the administrator opens it for Lào Cai, with a reason.
        await Assertions.Expect(admin.GetByTestId("period-state-2021")).ToHaveTextAsync("Đã đóng");
        await admin.GetByTestId("period-open-2021").ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByTestId("period-confirm")).ToBeDisabledAsync();
        await dialog.GetByTestId("period-reason-input").FillAsync("Nhập số liệu năm 2021 làm số liệu gốc");
        await Assertions.Expect(dialog.GetByTestId("period-confirm")).ToBeEnabledAsync();
        await BrowserSession.ScreenshotAsync(admin, "periods-reason-dialog");
        await dialog.GetByTestId("period-confirm").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("period-state-2021")).ToHaveTextAsync("Đang mở");
        await Assertions.Expect(admin.GetByTestId("periods-table")).ToContainTextAsync("Nhập số liệu năm 2021 làm số liệu gốc");
        await BrowserSession.ScreenshotAsync(admin, "periods-admin");
        await admin.SetViewportSizeAsync(390, 844);
        await BrowserSession.ScreenshotAsync(admin, "periods-admin-phone");

        // In English the due date reads day first too (en-GB, not en-US): the administrator moves 2021's by keyboard.
        await admin.SetViewportSizeAsync(1366, 900);
        await admin.GotoAsync(session.Portal.RootUrl + "/culture?name=en-US&redirect=" + Uri.EscapeDataString("/admin/periods?unit=laocai"));
        await admin.WaitForURLAsync(url => !url.Contains("/culture"));
        await BrowserSession.WaitForCircuitAsync(admin);
        await admin.GetByTestId("period-due-2021").ClickAsync();
        var moved = admin.GetByRole(AriaRole.Dialog).Locator("#period-due-input");
        await Assertions.Expect(moved).ToHaveValueAsync("31/01/2022");
        await moved.FillAsync("28/02/2022");
        await moved.PressAsync("Tab");
        await Assertions.Expect(moved).ToHaveValueAsync("28/02/2022");
        await BrowserSession.ScreenshotAsync(admin, "periods-due-date-en");
        await admin.GetByTestId("period-due-confirm").ClickAsync();
        var row2021 = admin.GetByTestId("periods-table").Locator("tbody tr").Filter(new() { HasText = "Nhập số liệu năm 2021" });
        await Assertions.Expect(row2021).ToContainTextAsync("28/02/2022");
        await BrowserSession.ScreenshotAsync(admin, "periods-admin-en");

        // Staff enter 2021 (10 %) in the value dialog and submit it; the reviewer approves it on the review page.
        var staffPage = await session.OpenSignedInAsync("staff.laocai@demo.local", "/my-work");
        await staffPage.GetByTestId("period-2021").ClickAsync();
        await staffPage.GetByTestId($"enter-{DigitalEconomy}-2021").ClickAsync();
        var input = staffPage.Locator("input[data-testid=value-input]");
        await input.FillAsync("10");
        await input.PressAsync("Tab");
        await Assertions.Expect(staffPage.GetByTestId("value-preview")).ToHaveTextAsync("Sẽ lưu: 10,0 %");
        await staffPage.Locator("input[data-testid=value-source]").FillAsync("Cục Thống kê tỉnh Lào Cai, niên giám 2021");
        await BrowserSession.ScreenshotAsync(staffPage, "periods-backfill-value-dialog");
        await staffPage.GetByTestId("value-submit").ClickAsync();
        await Assertions.Expect(input).ToHaveCountAsync(0);
        var staffRow = staffPage.Locator($"tr.value-row-{DigitalEconomy}-2021");
        await Assertions.Expect(staffRow).ToContainTextAsync("Chờ thẩm định");
        await BrowserSession.ScreenshotAsync(staffPage, "periods-backfill-submitted");

        var review = await session.OpenSignedInAsync("reviewer.laocai@demo.local", "/review");
        var waiting = review.GetByTestId("review-table").Locator("tbody tr").Filter(new() { HasText = "2021" })
            .Filter(new() { HasText = "Cục Thống kê tỉnh Lào Cai" });
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await BrowserSession.ScreenshotAsync(review, "periods-backfill-review");
        await waiting.GetByTestId("approve").ClickAsync();
        await review.GetByTestId("review-confirm").ClickAsync();
        await Assertions.Expect(review.GetByTestId("review-table").Locator("tbody tr").Filter(new() { HasText = "2021" })).ToHaveCountAsync(0);
        await staffPage.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(staffPage);
        await staffPage.GetByTestId("period-2021").ClickAsync();
        await Assertions.Expect(staffRow).ToContainTextAsync("Đã phê duyệt");

        // The base is now 2021, and the card's status follows the method. While 2030 is ahead it judges "≥ 20 % by 2030":
        // CAGRᵢ = (12/10)^(1/4) − 1 = 4.66 %, CAGR_T = (20/10)^(1/9) − 1 = 8.01 %, R = 0.58 → off track. Once 2030 has
        // passed, the card shows "> 40 % by 2045": CAGR_T = (40/10)^(1/24) − 1 = 5.95 %, R = 0.78 → needs acceleration.
        await leader.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(leader);
        var expected = TestClock.VietnamYear <= 2030 ? "Chậm tiến độ" : "Cần đẩy nhanh";
        await Assertions.Expect(leader.GetByTestId($"card-{DigitalEconomy}").GetByTestId("progress-status")).ToHaveTextAsync(expected);
        await BrowserSession.ScreenshotAsync(leader, "periods-overview-after-backfill");

        // Where the document gives its own baseline, the indicator page shows it beside the earliest approved figure.
        // (The shipped texts give none: the target is given one here as an administrator would type it.)
        await using (var db = new Infrastructure.Persistence.AppDbContext(TestPostgres.Options(session.Portal.ConnectionString)))
            await db.Database.ExecuteSqlRawAsync("UPDATE targets SET \"BaselineYear\" = 2020, \"BaselineValue\" = 9.5 " +
                "WHERE \"UnitCode\" = 'laocai' AND \"IndicatorCode\" = 'digital-economy-grdp-share' AND \"Year\" = 2030");
        await leader.GotoAsync(session.Portal.RootUrl + $"/progress/units/laocai/indicators/{DigitalEconomy}");
        await BrowserSession.WaitForCircuitAsync(leader);
        var sideBySide = leader.GetByTestId("baseline-side-by-side");
        await Assertions.Expect(sideBySide).ToContainTextAsync("Số liệu gốc theo văn bản: 9,5 % (2020)");
        await Assertions.Expect(sideBySide).ToContainTextAsync("Số liệu sớm nhất đã duyệt: 10 % (2021)");
        await BrowserSession.ScreenshotAsync(leader, "periods-baseline-side-by-side");

        // Lào Cai's reviewer locks 2025 from the menu's page; staff can no longer write there.
        var reviewer = await session.OpenSignedInAsync("reviewer.laocai@demo.local", "/");
        await reviewer.GetByTestId("nav-periods").ClickAsync();
        await reviewer.WaitForURLAsync(url => url.Contains("/admin/periods"));
        await Assertions.Expect(reviewer.GetByTestId("period-create")).ToHaveCountAsync(0);
        await reviewer.GetByTestId("period-lock-2025").ClickAsync();
        var lockDialog = reviewer.GetByRole(AriaRole.Dialog);
        await lockDialog.GetByTestId("period-reason-input").FillAsync("Đã chốt số liệu năm 2025");
        await lockDialog.GetByTestId("period-confirm").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("period-state-2025")).ToHaveTextAsync("Đã khóa");
        await BrowserSession.ScreenshotAsync(reviewer, "periods-reviewer-locked-2025");

        using var staff = await session.Portal.CreateClientForAsync("staff.laocai@demo.local");
        var refused = await staff.PostAsJsonAsync("/api/v1/values", new { unit = "laocai", indicator = "online-public-service-use", period = "2025", value = 70m });
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Contains("đã khóa", await refused.Content.ReadAsStringAsync());
        var myWork = await session.OpenSignedInAsync("staff.laocai@demo.local", "/my-work");
        // Their worklist offers the back-fill year still open, and no longer the locked one.
        await Assertions.Expect(myWork.GetByTestId("period-2021")).ToBeVisibleAsync();
        await Assertions.Expect(myWork.GetByTestId("period-2025")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(myWork, "periods-staff-worklist-after-lock");
    }
}
