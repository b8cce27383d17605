namespace KhcnTracker.Domain.Reporting;

/// <summary>
/// A reporting period as one province runs it. Open: staff report and reviewers review. Closed: reviewers finish what
/// was submitted, staff no longer write. Locked: nobody writes anything. Every change of state names who, when and why.
/// </summary>
public sealed class UnitPeriod
{
    public const int MaxReasonLength = 2000;

    public string UnitCode { get; private set; } = null!;
    public string PeriodCode { get; private set; } = null!;
    public ReportingPeriod Period { get; private set; } = null!;
    public PeriodState State { get; private set; }
    public string? Reason { get; private set; }
    public string? ChangedBy { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }
    public uint Version { get; private set; }

    private UnitPeriod() { }

    public UnitPeriod(ReportingPeriod period, string unitCode, PeriodState state = PeriodState.Open)
    {
        if (!Enum.IsDefined(state)) throw new DomainException("period.state-invalid", "Unknown period state.");
        Period = period;
        PeriodCode = period.Code;
        UnitCode = Slug.Require(unitCode, "unit");
        State = state;
    }

    public string Code => PeriodCode;
    public int Year => Period.Year;
    public int? Half => Period.Half;
    public DateOnly DueOn => Period.DueOn;

    public void Open(string reason, string by, DateTimeOffset at) => Change(PeriodState.Open, reason, by, at);

    public void Close(string reason, string by, DateTimeOffset at) => Change(PeriodState.Closed, reason, by, at);

    public void Lock(string reason, string by, DateTimeOffset at) => Change(PeriodState.Locked, reason, by, at);

    public void EnsureStaffCanWrite()
    {
        if (State == PeriodState.Locked) throw new DomainException("period.locked", $"The period {Code} is locked.");
        if (State == PeriodState.Closed) throw new DomainException("period.closed", $"The period {Code} is closed for reporting.");
    }

    public void EnsureReviewerCanWrite()
    {
        if (State == PeriodState.Locked) throw new DomainException("period.locked", $"The period {Code} is locked.");
    }

    private void Change(PeriodState state, string reason, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(by)) throw new DomainException("period.author-missing", "Every change names who made it.");
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("period.reason-missing", "Say why the period's state changes.");
        if (reason.Length > MaxReasonLength)
            throw new DomainException("period.reason-too-long", $"A reason holds at most {MaxReasonLength} characters.");
        if (state == State)
            throw new DomainException($"period.already-{state.ToString().ToLowerInvariant()}", $"The period {Code} is already {state.ToString().ToLowerInvariant()}.");
        (State, Reason, ChangedBy, ChangedAt) = (state, reason.Trim(), by.Trim(), at);
    }
}
