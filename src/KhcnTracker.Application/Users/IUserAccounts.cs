using KhcnTracker.Domain.Access;

namespace KhcnTracker.Application.Users;

public sealed record UserView(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Grants, bool LockedOut, int FailedAttempts);

/// <summary>
/// Accounts as the administration pages see them. Implemented over ASP.NET Core Identity in Infrastructure; the use
/// cases (<see cref="ManageUsers"/>) check who may call them.
/// </summary>
public interface IUserAccounts
{
    Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct);
    /// <summary>The id of the account signed in as <paramref name="email"/>, or null.</summary>
    Task<Guid?> IdOfAsync(string email, CancellationToken ct);
    Task<Guid> CreateAsync(string email, string displayName, string password, IReadOnlyList<RoleGrant> grants, CancellationToken ct);
    Task SetGrantsAsync(Guid id, IReadOnlyList<RoleGrant> grants, CancellationToken ct);
    /// <summary>Locks the account until an administrator unlocks it, and ends its sessions (a new security stamp).</summary>
    Task LockAsync(Guid id, CancellationToken ct);
    Task UnlockAsync(Guid id, CancellationToken ct);
    /// <summary>Ends every session of the account (a new security stamp): signing out ends that cookie for good.</summary>
    Task EndSessionsAsync(string account, CancellationToken ct);
    Task SetPasswordAsync(Guid id, string password, CancellationToken ct);
    /// <summary>False when no account has that name (it was removed since the sign-in); the gate refuses the caller then.</summary>
    Task<bool> ChangeOwnPasswordAsync(string account, string currentPassword, string newPassword, CancellationToken ct);
}
