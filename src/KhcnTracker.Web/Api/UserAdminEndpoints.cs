using KhcnTracker.Application.Users;

namespace KhcnTracker.Web.Api;

/// <summary>
/// Provisioning accounts through the API (administrators only): the users page's use case (<see cref="ManageUsers"/>),
/// so the same rules, messages and audit trail. Grants are <c>{"role","unit","agency"}</c>, unit <c>vn</c> national.
/// </summary>
public static class UserAdminEndpoints
{
    public sealed record UserResponse(string Email, string DisplayName, IReadOnlyList<GrantInput> Grants, bool LockedOut, int FailedAttempts);

    public sealed record CreateUserRequest(string? Email, string? Password, string? DisplayName, IReadOnlyList<GrantInput>? Grants);

    public static void MapUserAdminApi(this RouteGroupBuilder admin)
    {
        var users = admin.MapGroup("/users");
        users.MapGet("", async (ManageUsers manage, CancellationToken ct) => (await manage.ListAsync(ct)).Select(Response))
            .WithSummary("Accounts with their grants and lockout state (administrators)");
        users.MapPost("", async (ManageUsers manage, CreateUserRequest request, CancellationToken ct) =>
            {
                var id = await manage.CreateAsync(request.Email, request.DisplayName, request.Password, request.Grants, ct);
                var created = (await manage.ListAsync(ct)).Single(u => u.Id == id);
                return Results.Created($"/api/v1/admin/users/{Uri.EscapeDataString(created.Email)}", Response(created));
            })
            .WithSummary("Creates an account with a password and grants (administrators); the password policy and grant rules of the users page apply");
        users.MapPut("/{email}/grants", async (ManageUsers manage, string email, IReadOnlyList<GrantInput>? grants, CancellationToken ct) =>
            {
                await manage.SetGrantsAsync(await manage.IdOfAsync(email, ct), grants, ct);
                return Results.NoContent();
            })
            .WithSummary("Replaces an account's grants with the whole list given (administrators); its sessions end within a minute");
        users.MapPost("/{email}/lock", async (ManageUsers manage, string email, CancellationToken ct) =>
            {
                await manage.LockAsync(await manage.IdOfAsync(email, ct), ct);
                return Results.NoContent();
            })
            .WithSummary("Locks an account until it is unlocked (administrators); its sessions end within a minute");
        users.MapPost("/{email}/unlock", async (ManageUsers manage, string email, CancellationToken ct) =>
            {
                await manage.UnlockAsync(await manage.IdOfAsync(email, ct), ct);
                return Results.NoContent();
            })
            .WithSummary("Unlocks an account locked by an administrator or by wrong passwords (administrators)");
    }

    private static UserResponse Response(UserView user) => new(user.Email, user.DisplayName,
        user.Grants.Select(g => GrantInput.Of(KhcnTracker.Domain.Access.RoleGrant.Parse(g))).ToList(), user.LockedOut, user.FailedAttempts);
}
