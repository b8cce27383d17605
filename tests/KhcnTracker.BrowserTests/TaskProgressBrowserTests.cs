namespace KhcnTracker.BrowserTests;

/// <summary>
/// A task's progress from staff to the reviewer and back until it is approved; the province overview counts the task
/// as done only after the approval. Phú Thọ reports the tasks of Vĩnh Phúc's programme (Lào Cai's catalogue has none).
/// </summary>
public sealed class TaskProgressBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Reason = "Chưa có quyết định ban hành kế hoạch kèm theo.";

    [Fact]
    public async Task TaskProgressIsReturnedResubmittedAndCountsAsDoneOnlyOnceApproved()
    {
        var leader = await session.OpenSignedInAsync("leader.phutho@demo.local", "/progress/units/phutho");
        var doneBefore = await DoneInOverviewAsync(leader);

        // Staff report the first task of their list as done, with a PDF as evidence, and submit it.
        var staff = await session.OpenSignedInAsync("staff.phutho@demo.local", "/my-work");
        var update = staff.GetByTestId("my-tasks").Locator("tbody tr").First.Locator("[data-testid^=update-]");
        var taskId = (await update.GetAttributeAsync("data-testid"))!["update-".Length..];
        var report = staff.GetByTestId($"task-report-{taskId}");
        await update.ClickAsync();
        await staff.GetByTestId("progress-status").ClickAsync();
        await staff.GetByRole(AriaRole.Option, new() { Name = "Hoàn thành" }).ClickAsync();
        await Assertions.Expect(staff.Locator("input[data-testid=progress-percent]")).ToHaveValueAsync("100");
        await staff.Locator("textarea[data-testid=progress-note]").FillAsync("Đã ban hành kế hoạch thực hiện.");
        await BrowserSession.UploadAsync(staff, "progress-evidence-upload", new FilePayload
        {
            Name = "ke-hoach-thuc-hien.pdf", MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
        }, staff.GetByText("ke-hoach-thuc-hien.pdf"));
        await BrowserSession.ScreenshotAsync(staff, "task-progress-dialog");
        await staff.GetByTestId("progress-submit").ClickAsync();
        await Assertions.Expect(report).ToContainTextAsync("Chờ thẩm định");
        await Assertions.Expect(staff.GetByTestId($"update-{taskId}")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(staff, "task-progress-submitted");
        Assert.Equal(doneBefore, await DoneInOverviewAsync(leader));

        // The reviewer sees it beside the values, with its evidence, and returns it with a reason.
        var reviewer = await session.OpenSignedInAsync("reviewer.phutho@demo.local", "/review");
        await reviewer.GetByTestId("notifications").Locator("button").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("notification").Filter(new() { HasText = "1 báo cáo tiến độ nhiệm vụ chờ thẩm định" })).ToBeVisibleAsync();
        await reviewer.Keyboard.PressAsync("Escape");
        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "Tiến độ nhiệm vụ chờ thẩm định (1)" }).ClickAsync();
        var waiting = reviewer.GetByTestId("task-review-table").Locator("tbody tr").Filter(new() { HasText = "Đã ban hành kế hoạch thực hiện." });
        await Assertions.Expect(waiting.GetByTestId("evidence-link")).ToContainTextAsync("ke-hoach-thuc-hien.pdf");
        await Assertions.Expect(waiting).ToContainTextAsync("100%");
        await BrowserSession.ScreenshotAsync(reviewer, "task-review-waiting");
        await waiting.GetByTestId("return").ClickAsync();
        await reviewer.Locator("textarea[data-testid=return-reason-input]").FillAsync(Reason);
        await reviewer.GetByTestId("return-confirm").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("task-review-table")).ToContainTextAsync("Không có báo cáo tiến độ nào chờ thẩm định.");
        Assert.Equal(doneBefore, await DoneInOverviewAsync(leader));

        // Staff are told in the portal, see the reason, attach the decision and resubmit.
        await staff.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(staff);
        await staff.GetByTestId("notifications").Locator("button").ClickAsync();
        var notice = staff.GetByTestId("notification").Filter(new() { HasText = "Báo cáo tiến độ bị trả lại" });
        await Assertions.Expect(notice).ToContainTextAsync(Reason);
        await BrowserSession.ScreenshotAsync(staff, "task-progress-notification");
        await notice.ClickAsync();
        await BrowserSession.WaitForCircuitAsync(staff);
        await Assertions.Expect(report).ToContainTextAsync("Bị trả lại");
        await staff.GetByTestId($"update-{taskId}").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("return-reason")).ToContainTextAsync(Reason);
        await Assertions.Expect(staff.GetByText("ke-hoach-thuc-hien.pdf")).ToBeVisibleAsync();
        await staff.Locator("textarea[data-testid=progress-note]").FillAsync("Đã ban hành kế hoạch, kèm quyết định ban hành.");
        await staff.GetByTestId("progress-submit").ClickAsync();
        await Assertions.Expect(report).ToContainTextAsync("Chờ thẩm định");
        Assert.Equal(doneBefore, await DoneInOverviewAsync(leader));

        // The reviewer approves: only now the task is done for everyone.
        await reviewer.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(reviewer);
        await reviewer.GetByRole(AriaRole.Tab, new() { Name = "Tiến độ nhiệm vụ chờ thẩm định (1)" }).ClickAsync();
        await reviewer.GetByTestId("task-review-table").Locator("tbody tr").Filter(new() { HasText = "kèm quyết định ban hành" })
            .GetByTestId("approve").ClickAsync();
        await Assertions.Expect(reviewer.GetByTestId("task-review-table")).ToContainTextAsync("Không có báo cáo tiến độ nào chờ thẩm định.");

        Assert.Equal(doneBefore + 1, await DoneInOverviewAsync(leader));
        await BrowserSession.ScreenshotAsync(leader, "task-progress-overview-after-approval");
        await staff.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(staff);
        await Assertions.Expect(report).ToContainTextAsync("Đã phê duyệt");
        await Assertions.Expect(report.Locator("xpath=ancestor::tr")).ToContainTextAsync("100%");
        await BrowserSession.ScreenshotAsync(staff, "task-progress-approved");
    }

    /// <summary>The tasks the leader's overview counts as done, summed over its lead agencies, read from a fresh page.</summary>
    private static async Task<int> DoneInOverviewAsync(IPage leader)
    {
        await leader.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(leader);
        var rows = leader.GetByTestId("task-table").Locator("tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var done = await rows.Locator("td:nth-child(2)").AllInnerTextsAsync();
        return done.Sum(int.Parse);
    }
}
