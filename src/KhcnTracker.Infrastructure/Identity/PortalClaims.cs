using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KhcnTracker.Infrastructure.Identity;

/// <summary>
/// Puts the user's display name into the sign-in (cookie or bearer token) — not the grants: what a request may do is
/// read from the database under the sign-in's security stamp (<see cref="AccountAccessCache"/>), so that a revoked
/// right ends within a minute.
/// </summary>
public sealed class PortalClaims(UserManager<PortalUserAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUserAccount>(users, options)
{
    public const string DisplayName = "khcn:name";
    /// <summary>Present while an administrator's reset password has not been replaced: the person may only change it.</summary>
    public const string MustChangePassword = "khcn:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (await UserAccounts.HasMarkAsync(UserManager, user)) identity.AddClaim(new Claim(MustChangePassword, "true"));
        return identity;
    }
}
