namespace KhcnTracker.Application.Reporting.Periods;

/// <summary>A period as one province runs it: the national definition and that province's state.</summary>
public sealed record UnitPeriodView(string Code, int Year, int? Half, DateOnly DueOn, string Unit, PeriodState State,
    string? Reason, string? ChangedBy, DateTimeOffset? ChangedAt, uint? Version)
{
    /// <summary>The state as the API writes it: <c>open</c>, <c>closed</c>, <c>locked</c>.</summary>
    public string StateCode => Words.Of(State);

    public static UnitPeriodView Of(UnitPeriod p) =>
        new(p.Code, p.Year, p.Half, p.DueOn, p.UnitCode, p.State, p.Reason, p.ChangedBy, p.ChangedAt, p.Version == 0 ? null : p.Version);

    public static class Words
    {
        public static string Of(PeriodState state) => state switch
        {
            PeriodState.Open => "open",
            PeriodState.Closed => "closed",
            _ => "locked",
        };
    }
}

/// <summary>A national period's definition.</summary>
public sealed record PeriodView(string Code, int Year, int? Half, DateOnly DueOn, uint Version)
{
    public static PeriodView Of(ReportingPeriod p) => new(p.Code, p.Year, p.Half, p.DueOn, p.Version);
}
