using KhcnTracker.Application.Operations;

namespace KhcnTracker.Web.Api;

public static class AdminEndpoints
{
    public static void MapAdminApi(this WebApplication app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Administration").AddEndpointFilter<ApiErrors>();
        admin.MapGet("/instance", (GetInstanceStatus status) => status.Handle())
            .WithSummary("This instance's open circuits and memory: live managed heap, what the runtime holds, the process (administrators)");
        admin.MapUserAdminApi();
    }
}
