using KhcnTracker.Domain.Access;

namespace KhcnTracker.Application.Common;

/// <summary>What each role may do, in one place. Use cases call the <c>Ensure…</c> methods first.</summary>
public static class Access
{
    public static bool Holds(this ICurrentUser user, Role role) => user.Grants.Any(g => g.Role == role);

    /// <summary>The catalogue (documents, targets, tasks from published texts) is open to everyone signed in.</summary>
    public static bool CanReadCatalogue(this ICurrentUser user) => user.IsAuthenticated;

    public static bool CanEditCatalogue(this ICurrentUser user) => user.IsAuthenticated && user.Holds(Role.Administrator);

    public static bool CanManageUsers(this ICurrentUser user) => user.CanEditCatalogue();

    public static void EnsureCanReadCatalogue(this ICurrentUser user)
    {
        if (!user.CanReadCatalogue()) throw new AccessDeniedException();
    }

    public static void EnsureCanEditCatalogue(this ICurrentUser user)
    {
        if (!user.CanEditCatalogue()) throw new AccessDeniedException();
    }

    public static void EnsureCanManageUsers(this ICurrentUser user)
    {
        if (!user.CanManageUsers()) throw new AccessDeniedException();
    }
}
