using KhcnTracker.Application.Reporting.Periods;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Web.Api;

/// <summary>Reporting periods: national definitions (administrators) and each province's state of them (its reviewers).</summary>
public static class PeriodEndpoints
{
    public sealed record CreateRequest(string Code, DateOnly DueDate);

    public sealed record DueDateRequest(DateOnly DueDate, uint? Version);

    public sealed record StateRequest(string Unit, string? Reason, uint? Version);

    /// <summary>A province's period as the API writes it: the state as a word (<c>open</c>, <c>closed</c>, <c>locked</c>).</summary>
    public sealed record PeriodResponse(string Code, int Year, int? Half, DateOnly DueDate, string Unit, string State,
        string? Reason, string? ChangedBy, DateTimeOffset? ChangedAt, uint? Version)
    {
        public static PeriodResponse Of(UnitPeriodView p) =>
            new(p.Code, p.Year, p.Half, p.DueOn, p.Unit, p.StateCode, p.Reason, p.ChangedBy, p.ChangedAt, p.Version);
    }

    public static void MapPeriodApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/periods").WithTags("Periods").AddEndpointFilter<ApiErrors>();

        api.MapGet("", async (ListPeriods q, string unit, CancellationToken ct) => (await q.HandleAsync(unit, ct)).Select(PeriodResponse.Of))
            .WithSummary("The periods of a province, newest first, each with the province's state (open, closed, locked) and the last change's reason");
        api.MapPost("", async (DefinePeriods define, CreateRequest r, CancellationToken ct) =>
                Results.Created($"/api/v1/periods/{r.Code}", await define.CreateAsync(new CreatePeriodCommand(r.Code, r.DueDate), ct)))
            .WithSummary("Administrators create a yearly (2021) or half-yearly (2021-H1) period from 2015 on, with its due date; " +
                         "open everywhere unless it has ended (then closed: open it per province for back-fill)");
        api.MapPut("/{code}/due-date", (DefinePeriods define, string code, DueDateRequest r, CancellationToken ct) =>
                define.SetDueDateAsync(code, r.DueDate, r.Version, ct))
            .WithSummary("Administrators set a period's due date");
        foreach (var (verb, state) in new[] { ("open", PeriodState.Open), ("reopen", PeriodState.Open), ("close", PeriodState.Closed), ("lock", PeriodState.Locked) })
        {
            api.MapPost($"/{{code}}/{verb}", async (ChangePeriodState change, string code, StateRequest r, CancellationToken ct) =>
                    PeriodResponse.Of(await change.HandleAsync(new ChangePeriodStateCommand(code, r.Unit, state, r.Reason, r.Version), ct)))
                .WithSummary($"The province's reviewer (or an administrator) {verb}s the province's period, with a reason");
        }
    }
}
