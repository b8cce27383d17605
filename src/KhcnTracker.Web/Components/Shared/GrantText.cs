using KhcnTracker.Domain.Access;

namespace KhcnTracker.Web.Components.Shared;

/// <summary>A role grant in words: "Chuyên viên · laocai · skhcn", "Lãnh đạo · toàn quốc".</summary>
public static class GrantText
{
    public static string Describe(string grant, IStringLocalizer L)
    {
        var g = RoleGrant.Parse(grant);
        var scope = g.Role == Role.Administrator ? null : g.UnitCode ?? L["Users.National"].Value;
        return string.Join(" · ", new[] { L[$"Role.{g.Role}"].Value, scope, g.AgencyCode }.Where(p => p is not null));
    }
}
