using Microsoft.AspNetCore.Identity;

namespace KhcnTracker.Infrastructure.Identity;

/// <summary>
/// Sign-in that tells nothing: an unknown e-mail, a wrong password and a locked account take the same work (one
/// password hash verified) and get the same answer, so neither the time nor the text tells which accounts exist or are
/// locked. Failures count towards Identity's lockout, which is in the audit trail (the account's row changes).
/// </summary>
public sealed class PortalSignIn(SignInManager<PortalUserAccount> signIn, IPasswordHasher<PortalUserAccount> hasher)
{
    private static readonly PortalUserAccount Nobody = new() { UserName = "nobody", DisplayName = "" };
    private static string? _nobodysHash;

    /// <summary>Signs in with <paramref name="scheme"/> (cookie or bearer token); false for any refusal (the one answer, whatever the reason, is the resource <c>Login.Refused</c>).</summary>
    public async Task<bool> SignInAsync(string? email, string? password, string scheme)
    {
        signIn.AuthenticationScheme = scheme;
        password ??= "";
        var user = string.IsNullOrWhiteSpace(email) ? null : await signIn.UserManager.FindByNameAsync(email.Trim());
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            // The work a known account's password check does, for nothing: the same hash function, the same cost.
            // (A random password nobody knows, hashed once by the portal's own hasher.)
            _nobodysHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            hasher.VerifyHashedPassword(user ?? Nobody, user?.PasswordHash ?? _nobodysHash, password);
            return false;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded;
    }
}
