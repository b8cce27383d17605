using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KhcnTracker.Infrastructure.Identity;

/// <summary>Puts the user's display name and role grants into the sign-in (cookie or bearer token).</summary>
public sealed class PortalClaims(UserManager<PortalUserAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUserAccount>(users, options)
{
    public const string Grant = "khcn:grant";
    public const string DisplayName = "khcn:name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        foreach (var grant in user.Grants) identity.AddClaim(new Claim(Grant, grant));
        return identity;
    }
}
