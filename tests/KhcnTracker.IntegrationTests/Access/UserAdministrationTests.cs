using KhcnTracker.Application.Users;
using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KhcnTracker.IntegrationTests.Access;

/// <summary>Administrators create accounts with scoped roles; nobody else manages accounts.</summary>
public sealed class UserAdministrationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed class Caller(params RoleGrant[] grants) : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public string? Account => "caller@demo.local";
        public string? Name => "caller";
        public IReadOnlyList<RoleGrant> Grants => grants;
    }

    private sealed class Person(string account) : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public string? Account => account;
        public string? Name => account;
        public IReadOnlyList<RoleGrant> Grants => [];
    }

    private async Task<T> WithManageUsersAsync<T>(ICurrentUser caller, Func<ManageUsers, Task<T>> use)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var accounts = new UserAccounts(scope.ServiceProvider.GetRequiredService<UserManager<PortalUserAccount>>(), scope.ServiceProvider.GetRequiredService<AppDbContext>(),
            portal.Clock, scope.ServiceProvider.GetRequiredService<AccountAccessCache>());
        return await use(new ManageUsers(accounts, scope.ServiceProvider.GetRequiredService<IAppDbContextFactory>(), caller));
    }

    [Fact]
    public async Task APasswordResetByAnAdministratorEndsTheTokensIssuedBeforeIt()
    {
        var id = await WithManageUsersAsync(new Caller(new RoleGrant(Role.Administrator)), m =>
            m.CreateAsync("tran.thi.b@laocai.gov.vn", "Trần Thị B", "Mat-khau-123", ["DepartmentStaff:laocai:skhcn"]));
        using var before = portal.CreateClient();
        var login = await (await before.PostAsJsonAsync("/api/v1/auth/login", new { email = "tran.thi.b@laocai.gov.vn", password = "Mat-khau-123" }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        before.DefaultRequestHeaders.Authorization = new("Bearer", login.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/v1/values?unit=laocai")).StatusCode);

        await WithManageUsersAsync(new Caller(new RoleGrant(Role.Administrator)), async m => { await m.ResetPasswordAsync(id, "Mat-khau-moi-456"); return 0; });

        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/v1/values?unit=laocai")).StatusCode);
        using var after = portal.CreateClient();
        var again = await after.PostAsJsonAsync("/api/v1/auth/login", new { email = "tran.thi.b@laocai.gov.vn", password = "Mat-khau-moi-456" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task AResetPasswordMustBeChangedBeforeAnythingElse()
    {
        const string email = "le.van.c@laocai.gov.vn";
        var admin = new Caller(new RoleGrant(Role.Administrator));
        var id = await WithManageUsersAsync(admin, m => m.CreateAsync(email, "Lê Văn C", "Mat-khau-123", ["DepartmentStaff:laocai:skhcn"]));
        await WithManageUsersAsync(admin, async m => { await m.ResetPasswordAsync(id, "Mat-khau-tam-789"); return 0; });

        // Pages: signed in with the temporary password, every page leads to the change-password page, which opens.
        using var browser = portal.CreateClient(new() { AllowAutoRedirect = false });
        await SignInWithFormAsync(browser, email, "Mat-khau-tam-789");
        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/password", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/my-work")).StatusCode);
        var page = await browser.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Quản trị viên đã đặt lại mật khẩu của bạn", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));

        // API: a token is issued, but every call is refused with the reason until the password is changed.
        using var api = portal.CreateClient();
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Mat-khau-tam-789" });
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString());
        var refused = await api.GetAsync("/api/v1/values?unit=laocai");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("đổi mật khẩu", (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString());

        await WithManageUsersAsync(new Person(email), async m => { await m.ChangeOwnPasswordAsync("Mat-khau-tam-789", "Mat-khau-rieng-246"); return 0; });

        // The change ended the temporary sessions; signed in with the new password, the person works normally.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/values?unit=laocai")).StatusCode);
        using var again = portal.CreateClient();
        var fresh = await again.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Mat-khau-rieng-246" });
        again.DefaultRequestHeaders.Authorization = new("Bearer", (await fresh.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/values?unit=laocai")).StatusCode);
        using var browserAgain = portal.CreateClient(new() { AllowAutoRedirect = false });
        await SignInWithFormAsync(browserAgain, email, "Mat-khau-rieng-246");
        Assert.Equal(HttpStatusCode.OK, (await browserAgain.GetAsync("/")).StatusCode);
    }

    private static async Task SignInWithFormAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("error", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnAccountCreatedByAnAdministratorCanSignInAndWorkInItsScope()
    {
        await WithManageUsersAsync(new Caller(new RoleGrant(Role.Administrator)), m =>
            m.CreateAsync("nguyen.van.a@laocai.gov.vn", "Nguyễn Văn A", "Mat-khau-123", ["DepartmentStaff:laocai:skhcn"]));

        using var client = portal.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nguyen.van.a@laocai.gov.vn", password = "Mat-khau-123" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedWithTheRule()
    {
        var error = await Assert.ThrowsAsync<CommandRejectedException>(() => WithManageUsersAsync(new Caller(new RoleGrant(Role.Administrator)), m =>
            m.CreateAsync("yeu@laocai.gov.vn", "Mật khẩu yếu", "123", ["Leadership:laocai"])));
        Assert.Contains(error.Violations, v => v.Code == "identity.PasswordTooShort");
    }

    [Theory]
    [InlineData(Role.Leadership, "laocai")]
    [InlineData(Role.Auditor, null)]
    [InlineData(Role.Reviewer, "laocai")]
    public async Task NobodyButAnAdministratorManagesAccounts(Role role, string? unit)
    {
        var caller = new Caller(new RoleGrant(role, unit));
        await Assert.ThrowsAsync<AccessDeniedException>(() => WithManageUsersAsync(caller, m => m.ListAsync()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => WithManageUsersAsync(caller, m =>
            m.CreateAsync("x@laocai.gov.vn", "X", "Mat-khau-123", ["Administrator"])));
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PortalUserAccount>>().FindByEmailAsync("x@laocai.gov.vn"));
    }
}
