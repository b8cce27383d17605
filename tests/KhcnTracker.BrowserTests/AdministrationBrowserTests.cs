using Microsoft.Playwright;

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
}
