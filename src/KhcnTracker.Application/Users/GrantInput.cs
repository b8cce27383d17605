using KhcnTracker.Domain.Access;

namespace KhcnTracker.Application.Users;

/// <summary>
/// A role grant as the administration API takes it: <c>{"role":"Reviewer","unit":"laocai","agency":null}</c>. The role
/// is the code's name (<c>Administrator</c>, <c>DepartmentStaff</c>, <c>Reviewer</c>, <c>Leadership</c>, <c>Auditor</c>);
/// the unit <see cref="National"/> (or none) is the whole country.
/// </summary>
public sealed record GrantInput(string? Role, string? Unit, string? Agency)
{
    public const string National = "vn";

    /// <summary>The grant, by the domain's rules; refused with a coded <see cref="DomainException"/>.</summary>
    public RoleGrant ToGrant()
    {
        // Only a role's exact name: Enum.TryParse would also take numbers, flag lists and padding.
        if (Role is null || !Enum.GetNames<Role>().Contains(Role))
            throw new DomainException("grant.unknown-role", $"'{Role}' is not a role: Administrator, DepartmentStaff, Reviewer, Leadership or Auditor.");
        var unit = Unit?.Trim() is { Length: > 0 } u && !u.Equals(National, StringComparison.OrdinalIgnoreCase) ? u : null;
        var agency = Agency?.Trim() is { Length: > 0 } a ? a : null;
        return new RoleGrant(Enum.Parse<Role>(Role), unit, agency);
    }

    public static GrantInput Of(RoleGrant grant) => new(grant.Role.ToString(), grant.UnitCode ?? National, grant.AgencyCode);
}
