using KhcnTracker.Application.Progress;

namespace KhcnTracker.Web.Api;

public static class ProgressEndpoints
{
    public static void MapProgressApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/progress").WithTags("Progress").AddEndpointFilter<ApiErrors>();

        api.MapGet("", (string? unit, string? area, int? year, GetProgress query, CancellationToken ct) =>
                query.HandleAsync(new ProgressFilter(unit, area, year), ct))
            .WithSummary("Every target in the caller's scope with its status (achieved, on_track, needs_acceleration, off_track, " +
                         "regressing, not_achieved, not_enough_data, not_computable, no_data) and the figures it came from; unit includes the units merged into it");

        api.MapGet("/units/{unit}", (string unit, GetProvinceOverview query, CancellationToken ct) => query.HandleAsync(unit, ct))
            .WithSummary("A province's overview: statuses per area, headline cards, task completion by lead agency, overdue tasks");

        api.MapGet("/units/{unit}/indicators/{indicator}", (string unit, string indicator, GetIndicatorProgress query, CancellationToken ct) =>
                query.HandleAsync(unit, indicator, ct))
            .WithSummary("One unit's indicator: approved values with provenance, and its targets with their statuses");

        api.MapGet("/indicators/{indicator}/comparison", (string indicator, CompareProvinces query, CancellationToken ct) =>
                query.HandleAsync(indicator, ct))
            .WithSummary("One indicator across the provinces the caller may read, following mergers, beside the national targets");

        api.MapGet("/national", (GetNationalView query, CancellationToken ct) => query.HandleAsync(ct))
            .WithSummary("Resolution 57's national targets beside the provinces', and the provinces × headline indicators heatmap");
    }
}
