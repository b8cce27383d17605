namespace KhcnTracker.BrowserTests;

public sealed class ReportingBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Row = "enter-online-public-service-use-2025";

    [Fact]
    public async Task AValueGoesFromStaffToReviewerAndBackUntilItIsApproved()
    {
        // Staff enter 72,5 with a decimal comma, attach a PDF as evidence and submit.
        var staff = await session.OpenSignedInAsync("staff.laocai@demo.local", "/my-work");
        await EnterAsync(staff, "72,5", "Sở KH&CN tổng hợp", evidence: true);
        await Assertions.Expect(RowOf(staff)).ToContainTextAsync("Chờ thẩm định");
        await BrowserSession.ScreenshotAsync(staff, "value-submitted");

        // The reviewer returns it with a reason.
        var reviewer = await session.OpenSignedInAsync("reviewer.laocai@demo.local", "/review");
        var waiting = reviewer.GetByTestId("review-table").Locator("tbody tr").Filter(new() { HasText = "72,5" });
        await Assertions.Expect(waiting.GetByTestId("evidence-preview").First).ToContainTextAsync("bao-cao-dvc-2025.pdf");
        await BrowserSession.ScreenshotAsync(reviewer, "review-waiting");
        // This file is a PDF by its header but holds no page: the preview says so and offers the download instead.
        await waiting.GetByTestId("evidence-preview").First.ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("preview-failed")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.GetByTestId("evidence-viewer").Locator("xpath=../..").GetByTestId("evidence-link")).ToBeVisibleAsync();
        await reviewer.GetByTestId("preview-close").ClickAsync();
        await waiting.GetByTestId("return").ClickAsync();
        await reviewer.Locator("textarea[data-testid=return-reason-input]").FillAsync("Thiếu nguồn số liệu của Cục Thống kê.");
        await reviewer.GetByTestId("return-confirm").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("review-table").Locator("tbody tr").Filter(new() { HasText = "72,5" })).ToHaveCountAsync(0);

        // Staff are told in the portal, see the reason, correct and resubmit.
        await staff.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(staff);
        await staff.GetByTestId("notifications").Locator("button").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("notification").Filter(new() { HasText = "Bị trả lại" }))
            .ToContainTextAsync("Thiếu nguồn số liệu của Cục Thống kê.");
        await BrowserSession.ScreenshotAsync(staff, "notifications");
        await staff.GetByTestId("notification").Filter(new() { HasText = "Bị trả lại" }).ClickAsync();
        await BrowserSession.WaitForCircuitAsync(staff);
        await staff.GetByTestId("period-2025").ClickAsync();
        await Assertions.Expect(RowOf(staff)).ToContainTextAsync("Bị trả lại");
        await staff.GetByTestId(Row).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("return-reason")).ToContainTextAsync("Thiếu nguồn số liệu của Cục Thống kê.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Hủy" }).ClickAsync();
        await EnterAsync(staff, "73,1", "Cục Thống kê tỉnh Lào Cai");

        // The reviewer approves; the value shows as approved, with its history.
        await reviewer.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(reviewer);
        await reviewer.GetByTestId("review-table").Locator("tbody tr").Filter(new() { HasText = "73,1" }).GetByTestId("approve").ClickAsync();
        // The confirmation names the value before it is approved.
        await Assertions.Expect(reviewer.GetByTestId("review-confirm-item")).ToContainTextAsync("73,1");
        await reviewer.GetByTestId("review-confirm").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("review-table").Locator("tbody tr").Filter(new() { HasText = "73,1" })).ToHaveCountAsync(0);

        await staff.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(staff);
        await staff.GetByTestId("period-2025").ClickAsync();
        await Assertions.Expect(RowOf(staff)).ToContainTextAsync("Đã phê duyệt");
        await Assertions.Expect(RowOf(staff)).ToContainTextAsync("73,1");
        await RowOf(staff).GetByRole(AriaRole.Button, new() { Name = "Lịch sử số liệu" }).ClickAsync();
        var history = staff.GetByTestId("value-history");
        await Assertions.Expect(history).ToContainTextAsync("reviewer.laocai@demo.local");
        await Assertions.Expect(history).ToContainTextAsync("Thiếu nguồn số liệu của Cục Thống kê.");
        await BrowserSession.ScreenshotAsync(staff, "value-approved-history");
    }

    private static ILocator RowOf(IPage page) => page.Locator("tr.value-row-online-public-service-use-2025");

    private static async Task EnterAsync(IPage page, string value, string source, bool evidence = false)
    {
        await page.GetByTestId("period-2025").ClickAsync();
        await page.GetByTestId(Row).ClickAsync();
        await page.Locator("input[data-testid=value-input]").FillAsync(value);
        await page.Locator("input[data-testid=value-source]").FillAsync(source);
        if (evidence)
        {
            await BrowserSession.UploadAsync(page, "evidence-upload", new FilePayload
            {
                Name = "bao-cao-dvc-2025.pdf", MimeType = "application/pdf",
                Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
            }, page.GetByText("bao-cao-dvc-2025.pdf"));
        }
        await page.GetByTestId("value-submit").ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=value-input]")).ToHaveCountAsync(0);
    }
}
