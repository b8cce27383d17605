using KhcnTracker.Application.Catalogue;

namespace KhcnTracker.Web.Api;

/// <summary>The read API of the catalogue under <c>/api/v1</c>.</summary>
public static class CatalogueEndpoints
{
    public sealed record VersionRequest(uint Version);
    public sealed record RetireRequest(uint Version, string? Reason);

    public static void MapCatalogueApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Catalogue").AddEndpointFilter<ApiErrors>();

        api.MapGet("/units", (ListUnits q, CancellationToken ct) => q.HandleAsync(ct))
            .WithSummary("Administrative units with their 2025 lineage");
        api.MapPost("/units/{code}/confirm", async (ConfirmUnitLineage command, string code, CancellationToken ct) =>
            {
                await command.HandleAsync(code, ct);
                return Results.NoContent();
            })
            .WithSummary("Confirms a unit's 2025 merger flagged \"to be confirmed\" (administrators)");
        api.MapGet("/documents", (ListDocuments q, bool? includeRetired, CancellationToken ct) => q.HandleAsync(includeRetired ?? false, ct))
            .WithSummary("Resolutions, programmes, plans and decisions");
        api.MapGet("/agencies", (ListAgencies q, string? unit, CancellationToken ct) => q.HandleAsync(unit, ct))
            .WithSummary("Agencies (departments) per unit, with their 2025 successors");
        api.MapPost("/agencies/{unit}/{code}/confirm", async (ConfirmAgencySuccessor command, string unit, string code, CancellationToken ct) =>
            {
                await command.HandleAsync(unit, code, ct);
                return Results.NoContent();
            })
            .WithSummary("Confirms an agency's successor flagged \"to be confirmed\" (administrators)");
        api.MapGet("/indicators", (ListIndicators q, string? search, bool? includeRetired, CancellationToken ct) =>
                q.HandleAsync(search, includeRetired ?? false, ct))
            .WithSummary("Indicators");
        api.MapGet("/targets", async (SearchTargets q, string? unit, int? year, string? area, string? document, string? search,
                bool? includeRetired, int? skip, int? take, CancellationToken ct) =>
            {
                var page = await q.HandleAsync(new TargetFilter(unit, year, area, document, search, IncludeRetired: includeRetired ?? false, Skip: skip ?? 0,
                    Take: take ?? SearchTargets.MaxPageSize), ct);
                return new { total = page.Total, items = page.Items };
            })
            .WithSummary("Targets; a unit includes the units merged into it");
        api.MapGet("/targets/{id:int}", (GetTarget q, int id, CancellationToken ct) => q.HandleAsync(id, ct))
            .WithSummary("One target with its source quote");
        api.MapGet("/tasks", (ListTasks q, string? document, string? status, string? leadAgency, string? unit, bool? includeRetired, CancellationToken ct) =>
                q.HandleAsync(new TaskFilter(document, status, leadAgency, unit, IncludeRetired: includeRetired ?? false), ct))
            .WithSummary("Tasks; status is not-started, in-progress, done or overdue");

        // Retire (with a reason) and restore, for each kind of catalogue row; administrators only, audited.
        foreach (var (path, item, key) in new[]
                 {
                     ("documents", CatalogueItem.Document, "{key}"), ("indicators", CatalogueItem.Indicator, "{key}"),
                     ("targets", CatalogueItem.Target, "{key:int}"), ("tasks", CatalogueItem.Task, "{key:int}"),
                 })
        {
            api.MapPost($"/{path}/{key}/retire", async (ChangeCatalogueState command, string key, RetireRequest request, CancellationToken ct) =>
                {
                    await command.RetireAsync(item, key, request.Version, request.Reason, ct);
                    return Results.NoContent();
                })
                .WithSummary($"Retires a row of {path} with a reason (administrators); it stays, listed with includeRetired=true");
            api.MapPost($"/{path}/{key}/restore", async (ChangeCatalogueState command, string key, VersionRequest request, CancellationToken ct) =>
                {
                    await command.RestoreAsync(item, key, request.Version, ct);
                    return Results.NoContent();
                })
                .WithSummary($"Restores a retired row of {path} (administrators)");
        }
    }
}
