using KhcnTracker.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace KhcnTracker.Infrastructure.Identity;

/// <summary>
/// The demo accounts of the embedded default (README lists them). Created in Development only — Program.cs never
/// registers this in any other environment — and only when missing.
/// </summary>
public sealed class DemoAccounts(UserManager<PortalUserAccount> users, ILogger<DemoAccounts> logger)
{
    public const string Password = "Demo@12345";
    public static readonly string[] Provinces = ["phutho", "laocai", "quangtri"];

    public static IEnumerable<(string Email, string Name, RoleGrant Grant)> All()
    {
        yield return ("admin@demo.local", "Quản trị hệ thống", new RoleGrant(Role.Administrator));
        foreach (var p in Provinces)
        {
            yield return ($"staff.{p}@demo.local", $"Chuyên viên Sở KH&CN ({p})", new RoleGrant(Role.DepartmentStaff, p, "skhcn"));
            yield return ($"staff2.{p}@demo.local", $"Chuyên viên Sở Tài chính ({p})", new RoleGrant(Role.DepartmentStaff, p, "stc"));
            yield return ($"reviewer.{p}@demo.local", $"Thẩm định viên Sở KH&CN ({p})", new RoleGrant(Role.Reviewer, p));
            yield return ($"leader.{p}@demo.local", $"Lãnh đạo tỉnh ({p})", new RoleGrant(Role.Leadership, p));
            yield return ($"auditor.{p}@demo.local", $"Thanh tra tỉnh ({p})", new RoleGrant(Role.Auditor, p));
        }
        yield return ("leader.national@demo.local", "Lãnh đạo Trung ương", new RoleGrant(Role.Leadership));
        yield return ("auditor.national@demo.local", "Kiểm toán Nhà nước", new RoleGrant(Role.Auditor));
    }

    public async Task SeedAsync()
    {
        var created = 0;
        foreach (var (email, name, grant) in All())
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new PortalUserAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Grants = [grant.ToString()] };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            created++;
        }
        if (created > 0) logger.LogInformation("Created {Count} demo accounts (Development only)", created);
    }
}
