using KhcnTracker.Domain.Access;

namespace KhcnTracker.Application.Users;

/// <summary>
/// Administrators manage accounts and their roles; everyone changes their own password. One use case for the users
/// page and the administration API: the same check of who calls, the same rules for grants.
/// </summary>
public sealed class ManageUsers(IUserAccounts accounts, IAppDbContextFactory catalogue, ICurrentUser user)
{
    public const string NotFound = "not-found.account";

    public Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct = default)
    {
        user.EnsureCanManageUsers();
        return accounts.ListAsync(ct);
    }

    /// <summary>The account signed in as <paramref name="email"/>; a missing one is <see cref="NotFoundException"/>.</summary>
    public async Task<Guid> IdOfAsync(string email, CancellationToken ct = default)
    {
        user.EnsureCanManageUsers();
        return await accounts.IdOfAsync(email ?? "", ct) ?? throw new NotFoundException(NotFound);
    }

    /// <summary>From the users page: grants written as <c>Role:unit:agency</c>.</summary>
    public Task<Guid> CreateAsync(string email, string displayName, string password, IReadOnlyList<string> grants, CancellationToken ct = default) =>
        CreateAsync(email, displayName, password, () => grants.Select(RoleGrant.Parse), ct);

    /// <summary>From the API: grants as role, unit (<c>vn</c>: national) and agency. No display name: the e-mail.</summary>
    public Task<Guid> CreateAsync(string? email, string? displayName, string? password, IReadOnlyList<GrantInput>? grants, CancellationToken ct = default) =>
        CreateAsync(email, displayName, password, () => (grants ?? []).Select(g => g.ToGrant()), ct);

    public Task SetGrantsAsync(Guid id, IReadOnlyList<string> grants, CancellationToken ct = default) =>
        SetGrantsAsync(id, () => grants.Select(RoleGrant.Parse), ct);

    public Task SetGrantsAsync(Guid id, IReadOnlyList<GrantInput>? grants, CancellationToken ct = default) =>
        SetGrantsAsync(id, () => (grants ?? []).Select(g => g.ToGrant()), ct);

    /// <summary>Locks an account until an administrator unlocks it; its sessions end within a minute everywhere.</summary>
    public async Task LockAsync(Guid id, CancellationToken ct = default)
    {
        user.EnsureCanManageUsers();
        if (user.Account is { } own && await accounts.IdOfAsync(own, ct) == id)
            throw new CommandRejectedException([new RuleViolation("", "user.lock-self", "An administrator cannot lock their own account.")]);
        await accounts.LockAsync(id, ct);
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

    public async Task ChangeOwnPasswordAsync(string currentPassword, string newPassword, CancellationToken ct = default)
    {
        var account = user.EnsureOwnAccount();
        user.EnsureAccountExists(await accounts.ChangeOwnPasswordAsync(account, currentPassword, newPassword, ct));
    }

    private async Task<Guid> CreateAsync(string? email, string? displayName, string? password, Func<IEnumerable<RoleGrant>> grants, CancellationToken ct)
    {
        user.EnsureCanManageUsers();
        var valid = await ValidGrantsAsync(grants, ct);
        var address = email?.Trim() ?? "";
        return await accounts.CreateAsync(address, displayName?.Trim() is { Length: > 0 } name ? name : address, password ?? "", valid, ct);
    }

    private async Task SetGrantsAsync(Guid id, Func<IEnumerable<RoleGrant>> grants, CancellationToken ct)
    {
        user.EnsureCanManageUsers();
        await accounts.SetGrantsAsync(id, await ValidGrantsAsync(grants, ct), ct);
    }

    /// <summary>
    /// Each grant by the domain's rules, and its scope one the users page offers: a current province (not one merged
    /// into another) and, for department staff, an agency of that province.
    /// </summary>
    private async Task<List<RoleGrant>> ValidGrantsAsync(Func<IEnumerable<RoleGrant>> read, CancellationToken ct)
    {
        List<RoleGrant> grants;
        try
        {
            grants = read().Distinct().ToList();
        }
        catch (DomainException e)
        {
            throw CommandRejectedException.From(e);
        }
        var units = grants.Select(g => g.UnitCode).OfType<string>().Distinct().ToList();
        if (units.Count == 0) return grants;
        await using var db = await catalogue.CreateAsync(ct);
        var provinces = await db.Units.AsNoTracking().Where(u => units.Contains(u.Code) && u.Level == UnitLevel.Province && u.SuccessorCode == null)
            .Select(u => u.Code).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => units.Contains(a.UnitCode)).Select(a => new { a.UnitCode, a.Code }).ToListAsync(ct);
        var violations = new List<RuleViolation>();
        foreach (var grant in grants)
        {
            if (grant.UnitCode is { } unit && !provinces.Contains(unit))
                violations.Add(new RuleViolation("grants", "grant.unknown-unit", $"'{unit}' is not a current province."));
            else if (grant.AgencyCode is { } agency && !agencies.Any(a => a.UnitCode == grant.UnitCode && a.Code == agency))
                violations.Add(new RuleViolation("grants", "grant.unknown-agency", $"'{agency}' is not an agency of '{grant.UnitCode}'."));
        }
        return violations.Count == 0 ? grants : throw new CommandRejectedException(violations.DistinctBy(v => v.Code).ToList());
    }
}
