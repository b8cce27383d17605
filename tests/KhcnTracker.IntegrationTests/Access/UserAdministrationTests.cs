using System.Net;
using System.Net.Http.Json;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Users;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Identity;
using KhcnTracker.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

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

    private async Task<T> WithManageUsersAsync<T>(ICurrentUser caller, Func<ManageUsers, Task<T>> use)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var accounts = new UserAccounts(scope.ServiceProvider.GetRequiredService<UserManager<PortalUserAccount>>());
        return await use(new ManageUsers(accounts, caller));
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
