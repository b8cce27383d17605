using KhcnTracker.Application.Tasks;

namespace KhcnTracker.Web.Api;

public static class TaskEndpoints
{
    public sealed record ProgressRequest(uint Version, string Status, string? Note);

    public static void MapTaskApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Tasks").AddEndpointFilter<ApiErrors>();

        api.MapPost("/tasks/{id:int}/progress", async (int id, ProgressRequest request, RecordTaskProgress command, CancellationToken ct) =>
            {
                await command.HandleAsync(new RecordTaskProgressCommand(id, request.Version, request.Status, request.Note), ct);
                return Results.NoContent();
            })
            .WithSummary("The lead agency's staff record a task's status (not-started, in-progress, done) and a note");
    }
}
