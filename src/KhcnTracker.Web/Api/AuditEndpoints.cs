using KhcnTracker.Application.Auditing;

namespace KhcnTracker.Web.Api;

public static class AuditEndpoints
{
    public static void MapAuditApi(this WebApplication app) =>
        app.MapGroup("/api/v1/audit").WithTags("Audit").AddEndpointFilter<ApiErrors>()
            .MapGet("/verify", (VerifyAuditChain verify, CancellationToken ct) => verify.HandleAsync(ct))
            .WithSummary("Checks the audit trail's hash chain; reports the first broken link (auditors, administrators)");
}
