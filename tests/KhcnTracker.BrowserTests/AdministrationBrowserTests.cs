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
}
