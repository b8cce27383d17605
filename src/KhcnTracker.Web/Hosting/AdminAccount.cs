using KhcnTracker.Application.Users;
using KhcnTracker.Domain.Access;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// <c>create-admin &lt;email&gt;</c>: the first administrator of a production portal (demo accounts exist in Development
/// only). The password comes from <c>KHCN_ADMIN_PASSWORD</c>, never from the command line, which shells keep in history.
/// The account is made by the users page's own use case (<see cref="ManageUsers"/>): the same password policy and rules.
/// </summary>
internal static class AdminAccount
{
    /// <summary>Whoever runs the command on the server: allowed to create the first administrator.</summary>
    private sealed class ServerOperator : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public string? Account => null;
        public string? Name => "create-admin";
        public string Origin => "create-admin";
        public IReadOnlyList<RoleGrant> Grants { get; } = [new RoleGrant(Role.Administrator)];
    }

    public static async Task<bool> CreateAsync(IServiceProvider services, string[] args)
    {
        var email = args.SkipWhile(a => a != "create-admin").Skip(1).FirstOrDefault();
        var password = Environment.GetEnvironmentVariable("KHCN_ADMIN_PASSWORD");
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("Cách dùng: KHCN_ADMIN_PASSWORD='…' dotnet KhcnTracker.Web.dll create-admin admin@tinh.gov.vn");
            return false;
        }
        await using var scope = services.CreateAsyncScope();
        var manage = ActivatorUtilities.CreateInstance<ManageUsers>(scope.ServiceProvider, new ServerOperator());
        try
        {
            await manage.CreateAsync(email, "Quản trị hệ thống", password, [new RoleGrant(Role.Administrator).ToString()]);
            Console.WriteLine($"Đã tạo quản trị viên {email}.");
            return true;
        }
        catch (CommandRejectedException e)
        {
            // The refusals are Identity's, in Vietnamese (LocalizedIdentityErrors), one per line.
            Console.Error.WriteLine("Không tạo được quản trị viên:\n" + string.Join("\n", e.Violations.Select(v => "- " + v.Message)));
            return false;
        }
    }
}
