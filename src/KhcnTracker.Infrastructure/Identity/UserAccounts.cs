using KhcnTracker.Application.Common;
using KhcnTracker.Application.Users;
using KhcnTracker.Domain.Access;
using KhcnTracker.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace KhcnTracker.Infrastructure.Identity;

/// <summary><see cref="IUserAccounts"/> over ASP.NET Core Identity: hashing, lockout and password policy stay Identity's.</summary>
public sealed class UserAccounts(UserManager<PortalUserAccount> users, AppDbContext db, TimeProvider clock, AccountAccessCache access) : IUserAccounts
{
    // The "must change password" mark is an Identity user-token row (AspNetUserTokens): no column, no migration.
    public const string MarkProvider = "KhcnTracker";
    public const string MustChangePassword = "MustChangePassword";

    public Task<bool> MustChangePasswordAsync(PortalUserAccount user) => HasMarkAsync(users, user);

    internal static async Task<bool> HasMarkAsync(UserManager<PortalUserAccount> users, PortalUserAccount user) =>
        await users.GetAuthenticationTokenAsync(user, MarkProvider, MustChangePassword) is not null;

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return all.Select(u => new UserView(u.Id, u.Email ?? "", u.DisplayName, u.Grants, u.LockoutEnd > now, u.AccessFailedCount)).ToList();
    }

    public async Task<Guid?> IdOfAsync(string email, CancellationToken ct) => (await users.FindByEmailAsync(email.Trim()))?.Id;

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
        // With a new security stamp, in the same save: the old roles end in every cookie, token and circuit.
        Check(await users.UpdateSecurityStampAsync(user));
        access.Forget(user.Id);
    }

    public async Task LockAsync(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        // Locked until an administrator unlocks it; the new stamp (same save) ends its sessions everywhere.
        user.LockoutEnabled = true;
        user.LockoutEnd = clock.GetUtcNow().AddYears(100);
        Check(await users.UpdateSecurityStampAsync(user));
        access.Forget(user.Id);
    }

    public async Task UnlockAsync(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Check(await users.UpdateAsync(user));
    }

    public async Task EndSessionsAsync(string account, CancellationToken ct)
    {
        if (await users.FindByNameAsync(account) is not { } user) return;
        Check(await users.UpdateSecurityStampAsync(user));
        access.Forget(user.Id);
    }

    public async Task SetPasswordAsync(Guid id, string password, CancellationToken ct)
    {
        var user = await FindAsync(id);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        // One transaction: the new password and the mark that forces the person to replace it at the next sign-in.
        await InOneTransactionAsync(async () =>
        {
            Check(await users.ResetPasswordAsync(user, token, password));
            Check(await users.SetAuthenticationTokenAsync(user, MarkProvider, MustChangePassword, "reset-by-administrator"));
        }, ct);
        // The reset made a new security stamp: the sessions of the old password end.
        access.Forget(user.Id);
    }

    public async Task<bool> ChangeOwnPasswordAsync(string account, string currentPassword, string newPassword, CancellationToken ct)
    {
        if (await users.FindByNameAsync(account) is not { } user) return false;
        // Replacing the password clears the mark, in the same transaction.
        await InOneTransactionAsync(async () =>
        {
            Check(await users.ChangePasswordAsync(user, currentPassword, newPassword));
            Check(await users.RemoveAuthenticationTokenAsync(user, MarkProvider, MustChangePassword));
        }, ct);
        access.Forget(user.Id);
        return true;
    }

    private Task InOneTransactionAsync(Func<Task> change, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await change();
            await transaction.CommitAsync(ct);
        });

    private async Task<PortalUserAccount> FindAsync(Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("not-found.account");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new CommandRejectedException(result.Errors.Select(e => new RuleViolation("", $"identity.{e.Code}", e.Description)).ToList());
    }
}
