using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Access;

namespace KhcnTracker.Testing;

/// <summary>
/// A caller of a use case in a test: signed in as <paramref name="account"/> (signed out when it is null) with the
/// grants given. Its display name is the account.
/// </summary>
public sealed class TestCaller(string? account, params RoleGrant[] grants) : ICurrentUser
{
    public bool IsAuthenticated => account is not null;
    public string? Account => account;
    public string? Name => account;
    public IReadOnlyList<RoleGrant> Grants { get; } = grants;

    /// <summary>An administrator of the whole portal.</summary>
    public static TestCaller Administrator(string account = "admin@demo.local") => new(account, new RoleGrant(Role.Administrator));
}
