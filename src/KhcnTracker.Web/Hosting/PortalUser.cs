using KhcnTracker.Application.Common;

namespace KhcnTracker.Web.Hosting;

/// <summary>
/// The caller as the application layer sees it. Until accounts and roles land (issue 4), Development runs as a local
/// administrator and any other environment grants nothing, so a production portal is never left open.
/// </summary>
internal sealed class PortalUser(IHostEnvironment environment) : ICurrentUser
{
    public string? Name => environment.IsDevelopment() ? "local-admin" : null;
    public bool CanReadCatalogue => environment.IsDevelopment();
    public bool CanEditCatalogue => environment.IsDevelopment();
}
