using KhcnTracker.Infrastructure.Identity;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.BrowserTests;

public sealed class PasswordResetBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Email = "pham.thi.d@laocai.gov.vn";

    /// <summary>An account whose password an administrator has just reset to <paramref name="temporary"/>.</summary>
    private async Task ResetAccountAsync(string temporary)
    {
        await using var scope = session.Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUserAccount>>();
        var user = new PortalUserAccount { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Phạm Thị D", Grants = ["DepartmentStaff:laocai:skhcn"] };
        Assert.True((await users.CreateAsync(user, "Mat-khau-123")).Succeeded);
        await new UserAccounts(users, scope.ServiceProvider.GetRequiredService<AppDbContext>(), session.Portal.Clock,
            scope.ServiceProvider.GetRequiredService<AccountAccessCache>()).SetPasswordAsync(user.Id, temporary, default);
    }

    [Fact]
    public async Task SignedInWithAResetPasswordThePersonMustChooseANewOneFirst()
    {
        await ResetAccountAsync("Mat-khau-tam-789");

        var page = await session.OpenAsync("/account/login?returnUrl=%2Fmy-work");
        await BrowserSession.SignInAsync(page, Email, "Mat-khau-tam-789");
        await page.WaitForURLAsync(url => url.EndsWith("/account/password"));
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("must-change-password")).ToContainTextAsync("Quản trị viên đã đặt lại mật khẩu của bạn");
        await page.GotoAsync(session.Portal.RootUrl + "/review");
        await page.WaitForURLAsync(url => url.EndsWith("/account/password"));
        await BrowserSession.WaitForCircuitAsync(page);
        await BrowserSession.ScreenshotAsync(page, "password-must-change");
        // A menu link navigates inside the circuit, without a request: the page itself holds it back.
        await page.GetByRole(AriaRole.Link, new() { Name = "Việc của tôi" }).ClickAsync();
        await page.WaitForTimeoutAsync(1_500); // a navigation let through would have arrived over the circuit by now
        Assert.EndsWith("/account/password", page.Url);
        await Assertions.Expect(page.GetByTestId("must-change-password")).ToBeVisibleAsync();

        var fields = page.Locator("input[type=password]");
        await fields.Nth(0).FillAsync("Mat-khau-tam-789");
        await fields.Nth(1).FillAsync("Mat-khau-rieng-246");
        await fields.Nth(2).FillAsync("Mat-khau-rieng-246");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        // The new password ended the session: the person is taken to the sign-in page, which says why.
        await page.WaitForURLAsync(url => url.Contains("/account/login"));
        await BrowserSession.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("password-changed")).ToContainTextAsync("hãy đăng nhập lại bằng mật khẩu mới");
        await BrowserSession.ScreenshotAsync(page, "password-changed");

        await BrowserSession.SignInAsync(page, Email, "Mat-khau-rieng-246");
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await page.GotoAsync(session.Portal.RootUrl + "/my-work");
        await BrowserSession.WaitForCircuitAsync(page);
        Assert.EndsWith("/my-work", page.Url);
        await Assertions.Expect(page.GetByTestId("must-change-password")).ToHaveCountAsync(0);
    }
}
