using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// <c>create-admin &lt;email&gt;</c>: the first administrator of a production portal (demo accounts exist in Development
/// only). The password comes from <c>KHCN_ADMIN_PASSWORD</c>, never from the command line, which shells keep in history.
/// </summary>
internal static class AdminAccount
{
    public static async Task<bool> CreateAsync(IServiceProvider services, string[] args)
    {
        var email = args.SkipWhile(a => a != "create-admin").Skip(1).FirstOrDefault();
        var password = Environment.GetEnvironmentVariable("KHCN_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("Cách dùng: KHCN_ADMIN_PASSWORD='…' dotnet KhcnTracker.Web.dll create-admin admin@tinh.gov.vn");
            return false;
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUserAccount>>();
        var result = await users.CreateAsync(new PortalUserAccount
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Quản trị hệ thống",
            Grants = [new RoleGrant(Role.Administrator).ToString()],
        }, password);
        // The refusals are Identity's, in Vietnamese (VietnameseIdentityErrors), one per line.
        if (!result.Succeeded) Console.Error.WriteLine("Không tạo được quản trị viên:\n" + string.Join("\n", result.Errors.Select(e => "- " + e.Description)));
        else Console.WriteLine($"Đã tạo quản trị viên {email}.");
        return result.Succeeded;
    }
}
