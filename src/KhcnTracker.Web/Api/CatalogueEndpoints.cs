using KhcnTracker.Application.Catalogue;

namespace KhcnTracker.Web.Api;

/// <summary>The read API of the catalogue under <c>/api/v1</c>.</summary>
public static class CatalogueEndpoints
{
    public sealed record VersionRequest(uint Version);

    public static void MapCatalogueApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Catalogue").AddEndpointFilter<ApiErrors>();

        api.MapGet("/units", (ListUnits q, CancellationToken ct) => q.HandleAsync(ct))
            .WithSummary("Administrative units with their 2025 lineage");
        api.MapGet("/documents", (ListDocuments q, CancellationToken ct) => q.HandleAsync(false, ct))
            .WithSummary("Resolutions, programmes, plans and decisions");
        api.MapGet("/agencies", (ListAgencies q, string? unit, CancellationToken ct) => q.HandleAsync(unit, ct))
            .WithSummary("Agencies (departments) per unit, with their 2025 successors");
        api.MapPost("/agencies/{unit}/{code}/confirm", async (ConfirmAgencySuccessor command, string unit, string code, CancellationToken ct) =>
            {
                await command.HandleAsync(unit, code, ct);
                return Results.NoContent();
            })
            .WithSummary("Confirms an agency's successor flagged \"to be confirmed\" (administrators)");
        api.MapGet("/indicators", (ListIndicators q, string? search, CancellationToken ct) => q.HandleAsync(search, false, ct))
            .WithSummary("Indicators");
        api.MapGet("/targets", async (SearchTargets q, string? unit, int? year, string? area, string? document, string? search,
                int? skip, int? take, CancellationToken ct) =>
            {
                var page = await q.HandleAsync(new TargetFilter(unit, year, area, document, search, Skip: skip ?? 0,
                    Take: take ?? SearchTargets.MaxPageSize), ct);
                return new { total = page.Total, items = page.Items };
            })
            .WithSummary("Targets; a unit includes the units merged into it");
        api.MapGet("/targets/{id:int}", (GetTarget q, int id, CancellationToken ct) => q.HandleAsync(id, ct))
            .WithSummary("One target with its source quote");
        api.MapPost("/targets/{id:int}/retire", async (ChangeCatalogueState command, int id, VersionRequest request, CancellationToken ct) =>
            {
                await command.RetireAsync(CatalogueItem.Target, id.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Version, ct);
                return Results.NoContent();
            })
            .WithSummary("Retires a target (administrators); it stays in the history");
        api.MapGet("/tasks", (ListTasks q, string? document, string? status, string? leadAgency, string? unit, CancellationToken ct) =>
                q.HandleAsync(new TaskFilter(document, status, leadAgency, unit), ct))
            .WithSummary("Tasks; status is not-started, in-progress, done or overdue");
    }
}
