namespace KhcnTracker.BrowserTests;

public sealed class AccessBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task StaffSeeOnlyTheirAgencysTasksAndRecordProgress()
    {
        var page = await session.OpenSignedInAsync("staff.phutho@demo.local", "/my-work");
        var grid = page.GetByTestId("my-tasks");
        await Assertions.Expect(grid.Locator("tbody tr").First).ToBeVisibleAsync();

        // Phú Thọ's Department of Science and Technology reports for Vĩnh Phúc's, and for the Information and
        // Communications department it absorbed in 2025 — not for the Department of Planning and Investment.
        await Assertions.Expect(grid.GetByText("Sở Khoa học và Công nghệ").First).ToBeVisibleAsync();
        await Assertions.Expect(grid.GetByText("Sở Kế hoạch và Đầu tư")).ToHaveCountAsync(0);
        await BrowserSession.ScreenshotAsync(page, "my-work-staff");

        var firstRow = grid.Locator("tbody tr").First;
        await firstRow.GetByRole(AriaRole.Button, new() { Name = "Cập nhật tiến độ" }).ClickAsync();
        await page.GetByTestId("progress-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Hoàn thành" }).ClickAsync();
        await page.Locator("textarea[data-testid=progress-note]").FillAsync("Đã ban hành kế hoạch, có minh chứng.");
        await page.GetByTestId("progress-save").ClickAsync();

        // A saved draft: the report says so, while the task's published status waits for the reviewer's approval.
        await Assertions.Expect(firstRow.Locator("[data-testid^=task-report-]")).ToContainTextAsync("Nháp");
        await Assertions.Expect(firstRow.Locator("[data-testid^=task-report-]")).ToContainTextAsync("Hoàn thành · 100%");
        // The published status stays "not started" — or "overdue" once the task's end year is over (docs: TaskDeadline).
        var endYear = int.Parse((await firstRow.Locator("td").Nth(4).InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(firstRow).ToContainTextAsync(endYear < TestClock.VietnamYear ? "Quá hạn" : "Chưa triển khai");
    }

    [Fact]
    public async Task LeadershipSeeTheCatalogueWithoutAnyEditControl()
    {
        var page = await session.OpenSignedInAsync("leader.laocai@demo.local", "/");
        await Assertions.Expect(page.GetByTestId("summary-table")).ToContainTextAsync("Lào Cai");
        await BrowserSession.ScreenshotAsync(page, "home-leader");

        await page.GotoAsync(session.Portal.RootUrl + "/catalogue/targets");
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("targets-grid").Locator("tbody tr").First).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Thêm chỉ tiêu" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("nav-my-work")).ToHaveCountAsync(0);
        await page.GetByTestId("targets-grid").Locator("tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("target-value")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sửa" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ngừng sử dụng" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task FiveWrongPasswordsRefuseEvenTheRightOneWithTheSameMessageAsAWrongPassword()
    {
        var page = await session.OpenAsync("/account/login");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            // From a clean sign-in page each time, so that "error=" in the address is this attempt's answer.
            if (attempt > 1)
            {
                await page.GotoAsync(session.Portal.RootUrl + "/account/login");
                await BrowserSession.WaitForCircuitAsync(page);
            }
            await BrowserSession.SignInAsync(page, "staff2.laocai@demo.local", "Sai-mat-khau-1");
            await page.WaitForURLAsync(url => url.Contains("error="), new() { WaitUntil = WaitUntilState.Commit });
        }
        await page.GotoAsync(session.Portal.RootUrl + "/account/login");
        await BrowserSession.WaitForCircuitAsync(page);
        await BrowserSession.SignInAsync(page, "staff2.laocai@demo.local", Testing.PortalFactory.DemoPassword);
        await page.WaitForURLAsync(url => url.Contains("error="), new() { WaitUntil = WaitUntilState.Commit });

        // Locked, but told exactly as a wrong password or an unknown e-mail is: the page says nothing about the account.
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync(
            "Email hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa. Hãy kiểm tra lại, thử lại sau ít phút hoặc liên hệ quản trị viên.");
        await BrowserSession.ScreenshotAsync(page, "login-locked");
    }
}
