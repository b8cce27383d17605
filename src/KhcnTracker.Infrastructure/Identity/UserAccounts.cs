using KhcnTracker.Application.Common;
using KhcnTracker.Application.Users;
using KhcnTracker.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Infrastructure.Identity;

/// <summary><see cref="IUserAccounts"/> over ASP.NET Core Identity: hashing, lockout and password policy stay Identity's.</summary>
public sealed class UserAccounts(UserManager<PortalUserAccount> users) : IUserAccounts
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        return all.Select(u => new UserView(u.Id, u.Email ?? "", u.DisplayName, u.Grants, u.LockoutEnd > now, u.AccessFailedCount)).ToList();
    }

    public async Task<Guid> CreateAsync(string email, string displayName, string password, IReadOnlyList<RoleGrant> grants, CancellationToken ct)
    {
        var user = new PortalUserAccount
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            Grants = grants.Select(g => g.ToString()).ToList(),
        };
        Check(await users.CreateAsync(user, password));
        return user.Id;
    }

    public async Task SetGrantsAsync(Guid id, IReadOnlyList<RoleGrant> grants, CancellationToken ct)
    {
        var user = await FindAsync(id);
        user.Grants = grants.Select(g => g.ToString()).ToList();
        Check(await users.UpdateAsync(user));
        // A new security stamp signs the person out everywhere, so old roles do not linger in a cookie.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task UnlockAsync(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    public async Task SetPasswordAsync(Guid id, string password, CancellationToken ct)
    {
        var user = await FindAsync(id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
    }

    public async Task ChangeOwnPasswordAsync(string account, string currentPassword, string newPassword, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(account) ?? throw new AccessDeniedException();
        Check(await users.ChangePasswordAsync(user, currentPassword, newPassword));
    }

    private async Task<PortalUserAccount> FindAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("Không tìm thấy tài khoản.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new CommandRejectedException(result.Errors.Select(e => new RuleViolation("", $"identity.{e.Code}", e.Description)).ToList());
    }
}
