using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KhcnTracker.IntegrationTests.Access;

/// <summary>The password policy's refusals — what <c>create-admin</c> prints and the user dialogs show — are in Vietnamese.</summary>
public sealed class IdentityMessagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AWeakPasswordIsRefusedWithVietnameseReasons()
    {
        portal.CreateClient().Dispose();
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUserAccount>>();

        var result = await users.CreateAsync(new PortalUserAccount { UserName = "moi@tinh.gov.vn", Email = "moi@tinh.gov.vn", DisplayName = "Mới" }, "abc");

        Assert.False(result.Succeeded);
        var reasons = result.Errors.Select(e => e.Description).ToList();
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", reasons);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ số (0–9).", reasons);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ hoa (A–Z).", reasons);
        Assert.Contains("Mật khẩu phải có ít nhất một ký hiệu (không phải chữ hay số).", reasons);
        Assert.DoesNotContain(reasons, r => r.Contains("Passwords must"));
    }

    [Fact]
    public async Task ATakenAddressIsRefusedInVietnamese()
    {
        portal.CreateClient().Dispose();
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUserAccount>>();

        var result = await users.CreateAsync(new PortalUserAccount { UserName = "admin@demo.local", Email = "admin@demo.local", DisplayName = "Trùng" }, PortalFactory.DemoPassword);

        Assert.Contains("Tên đăng nhập “admin@demo.local” đã được dùng.", result.Errors.Select(e => e.Description));
    }
}
