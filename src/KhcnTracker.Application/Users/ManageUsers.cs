using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Access;
using KhcnTracker.Domain.Common;

namespace KhcnTracker.Application.Users;

/// <summary>Administrators manage accounts and their roles; everyone changes their own password.</summary>
public sealed class ManageUsers(IUserAccounts accounts, ICurrentUser user)
{
    public Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct = default)
    {
        user.EnsureCanManageUsers();
        return accounts.ListAsync(ct);
    }

    public Task<Guid> CreateAsync(string email, string displayName, string password, IReadOnlyList<string> grants, CancellationToken ct = default)
    {
        user.EnsureCanManageUsers();
        return accounts.CreateAsync(email.Trim(), displayName.Trim(), password, Parse(grants), ct);
    }

    public Task SetGrantsAsync(Guid id, IReadOnlyList<string> grants, CancellationToken ct = default)
    {
        user.EnsureCanManageUsers();
        return accounts.SetGrantsAsync(id, Parse(grants), ct);
    }

    public Task UnlockAsync(Guid id, CancellationToken ct = default)
    {
        user.EnsureCanManageUsers();
        return accounts.UnlockAsync(id, ct);
    }

    public Task ResetPasswordAsync(Guid id, string password, CancellationToken ct = default)
    {
        user.EnsureCanManageUsers();
        return accounts.SetPasswordAsync(id, password, ct);
    }

    public Task ChangeOwnPasswordAsync(string currentPassword, string newPassword, CancellationToken ct = default)
    {
        if (!user.IsAuthenticated || user.Account is null) throw new AccessDeniedException();
        return accounts.ChangeOwnPasswordAsync(user.Account, currentPassword, newPassword, ct);
    }

    private static List<RoleGrant> Parse(IReadOnlyList<string> grants)
    {
        try
        {
            return grants.Select(RoleGrant.Parse).Distinct().ToList();
        }
        catch (DomainException e)
        {
            throw CommandRejectedException.From(e);
        }
    }
}
