namespace KhcnTracker.Domain.Access;

/// <summary>
/// A role held with a scope: <see cref="UnitCode"/> null means the whole country (leadership, auditors) or no scope
/// (administrators); <see cref="AgencyCode"/> is set for department staff only.
/// </summary>
public sealed record RoleGrant
{
    public Role Role { get; }
    public string? UnitCode { get; }
    public string? AgencyCode { get; }

    public RoleGrant(Role role, string? unitCode = null, string? agencyCode = null)
    {
        if (!Enum.IsDefined(role))
            throw new DomainException("grant.invalid", $"'{role}' is not a role.");
        switch (role)
        {
            case Role.Administrator when unitCode is not null || agencyCode is not null:
                throw new DomainException("grant.admin-scoped", "An administrator's role has no scope.");
            case Role.DepartmentStaff when unitCode is null || agencyCode is null:
                throw new DomainException("grant.staff-needs-agency", "Department staff are scoped to one agency of one province.");
            case Role.Reviewer when unitCode is null:
                throw new DomainException("grant.reviewer-needs-unit", "A reviewer is scoped to one province.");
            case not Role.DepartmentStaff when agencyCode is not null:
                throw new DomainException("grant.agency-only-for-staff", "Only department staff are scoped to an agency.");
        }
        Role = role;
        UnitCode = unitCode is null ? null : Slug.Require(unitCode, "unit");
        AgencyCode = agencyCode is null ? null : Slug.Require(agencyCode, "agency");
    }

    /// <summary>Written as <c>Role</c>, <c>Role:unit</c> or <c>Role:unit:agency</c> (claims, logs, the admin UI).</summary>
    public override string ToString() => string.Join(':', new[] { Role.ToString(), UnitCode, AgencyCode }.Where(p => p is not null));

    public static RoleGrant Parse(string text)
    {
        var parts = text.Split(':');
        // Only a role's exact name: Enum.TryParse would also take numbers, flag lists and padding.
        if (parts.Length > 3 || !Enum.GetNames<Role>().Contains(parts[0]) || parts.Skip(1).Any(string.IsNullOrEmpty))
            throw new DomainException("grant.invalid", $"'{text}' is not a role grant.");
        return new RoleGrant(Enum.Parse<Role>(parts[0]), parts.ElementAtOrDefault(1), parts.ElementAtOrDefault(2));
    }

    /// <summary>True when the grant covers <paramref name="unitCode"/>, following the units merged into the scope.</summary>
    public bool Covers(string unitCode, Func<string, IEnumerable<string>> unitWithPredecessors) =>
        UnitCode is null || unitWithPredecessors(UnitCode).Contains(unitCode);
}
