using KhcnTracker.Domain.Access;
using Microsoft.AspNetCore.Identity;

namespace KhcnTracker.Infrastructure.Identity;

/// <summary>A person's account: ASP.NET Core Identity's user plus the roles they hold, each with its scope.</summary>
public sealed class PortalUserAccount : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>Role grants written as <see cref="RoleGrant.ToString"/> (<c>DepartmentStaff:laocai:skhcn</c>).</summary>
    public List<string> Grants { get; set; } = [];
}
