namespace KhcnTracker.BrowserTests;

public sealed class AdministrationBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task AnAdministratorSeesEveryAccountWithItsRolesAndScopes()
    {
        var page = await session.OpenSignedInAsync("admin@demo.local", "/admin/users");
        var table = page.GetByTestId("users-table");

        var row = table.Locator("tr").Filter(new() { HasText = "staff2.laocai@demo.local" });
        await Assertions.Expect(row).ToContainTextAsync("Chuyên viên · laocai · stc");
        await Assertions.Expect(table.Locator("tr").Filter(new() { HasText = "leader.national@demo.local" })).ToContainTextAsync("Lãnh đạo · toàn quốc");
        await BrowserSession.ScreenshotAsync(page, "admin-users");
    }

    [Fact]
    public async Task NobodyElseReachesTheAccountsPage()
    {
        var page = await session.OpenSignedInAsync("auditor.national@demo.local", "/admin/users");
        await Assertions.Expect(page.GetByText("Bạn không có quyền thực hiện thao tác này.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("users-table")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("nav-users")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnAdministratorLocksAnAccountFromThePage_ItsOpenTabIsSignedOut_AndUnlocksIt()
    {
        // The person's tab is open before the lock.
        var person = await session.OpenSignedInAsync("leader.quangtri@demo.local", "/progress/units/quangtri");
        await Assertions.Expect(person.GetByTestId("user-menu")).ToBeVisibleAsync();

        var page = await session.OpenSignedInAsync("admin@demo.local", "/admin/users");
        var row = page.GetByTestId("users-table").Locator("tr").Filter(new() { HasText = "leader.quangtri@demo.local" });
        await row.GetByTestId("lock-leader.quangtri@demo.local").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Khóa tài khoản" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Đang bị khóa");
        await Assertions.Expect(row.GetByTestId("unlock-leader.quangtri@demo.local")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "admin-user-locked");

        // The person's next click in the open tab: signed out, on the sign-in page.
        await person.GetByTestId("nav-national").ClickAsync();
        await person.WaitForURLAsync(url => url.Contains("/account/login"), new() { Timeout = 30_000 });
        await Assertions.Expect(person.GetByTestId("login-form")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(person, "locked-tab-signed-out");

        await row.GetByTestId("unlock-leader.quangtri@demo.local").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Hoạt động");
        await BrowserSession.SignInAsync(person, "leader.quangtri@demo.local", Testing.PortalFactory.DemoPassword);
        await person.WaitForURLAsync(url => !url.Contains("/account/login"));
    }

    [Fact]
    public async Task SavingAUserWithAFilledRoleRowButNoAddRole_SavesThatRole()
    {
        var page = await session.OpenSignedInAsync("admin@demo.local", "/admin/users");
        var dialog = await OpenNewUserDialogAsync(page, "new.reviewer.laocai@demo.local", "Người thẩm định mới");
        // The row is filled in (Reviewer, Lào Cai) but "Thêm vai trò" is not pressed: saving must keep it.
        await ChooseAsync(page, "role-select", "Thẩm định");
        await ChooseAsync(page, "scope-select", "Lào Cai");
        await BrowserSession.ScreenshotAsync(page, "admin-user-dialog-filled-row");
        await dialog.GetByTestId("user-save").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        var row = page.GetByTestId("users-table").Locator("tr").Filter(new() { HasText = "new.reviewer.laocai@demo.local" });
        await Assertions.Expect(row).ToContainTextAsync("Thẩm định · laocai");
        await BrowserSession.ScreenshotAsync(page, "admin-user-saved-with-row");
    }

    [Fact]
    public async Task SavingAUserWithAnIncompleteRoleRow_IsRefusedWithTheReason_AndCreatesNobody()
    {
        var page = await session.OpenSignedInAsync("admin@demo.local", "/admin/users");
        var dialog = await OpenNewUserDialogAsync(page, "new.staff.laocai@demo.local", "Chuyên viên mới");
        // Department staff with a province but no agency: not a valid role, so nothing may be saved.
        await ChooseAsync(page, "scope-select", "Lào Cai");
        await dialog.GetByTestId("user-save").ClickAsync();

        await Assertions.Expect(dialog).ToContainTextAsync("Vai trò đang chọn chưa hợp lệ nên chưa lưu: Chuyên viên phải gắn với một sở của một tỉnh.");
        await BrowserSession.ScreenshotAsync(page, "admin-user-row-refused");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Hủy" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("users-table")).ToContainTextAsync("staff2.laocai@demo.local");
        await Assertions.Expect(page.GetByTestId("users-table").Locator("tr").Filter(new() { HasText = "new.staff.laocai@demo.local" })).ToHaveCountAsync(0);
    }

    private static async Task<ILocator> OpenNewUserDialogAsync(IPage page, string email, string name)
    {
        await page.GetByTestId("add-user").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("input[data-testid=user-email]").FillAsync(email);
        await dialog.Locator("input[data-testid=user-name]").FillAsync(name);
        await dialog.Locator("input[data-testid=user-password]").FillAsync(Testing.PortalFactory.DemoPassword);
        return dialog;
    }

    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
    }
}
