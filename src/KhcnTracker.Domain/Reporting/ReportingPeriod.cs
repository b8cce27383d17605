using System.Text.RegularExpressions;
using KhcnTracker.Domain.Common;

namespace KhcnTracker.Domain.Reporting;

public enum PeriodState { Open, Closed, Locked }

/// <summary>
/// A year (<c>2025</c>) or a half-year (<c>2025-H1</c>) that values are reported for. Open: staff report and reviewers
/// review. Closed: reviewers finish what was submitted, staff no longer write. Locked: nobody writes anything.
/// </summary>
public sealed partial class ReportingPeriod
{
    public string Code { get; private set; } = null!;
    public int Year { get; private set; }
    public int? Half { get; private set; }
    public DateOnly DueOn { get; private set; }
    public PeriodState State { get; private set; }
    public uint Version { get; private set; }

    private ReportingPeriod() { }

    public ReportingPeriod(string code, DateOnly dueOn, PeriodState state = PeriodState.Open)
    {
        (Year, Half) = Parse(code);
        Code = code;
        DueOn = dueOn;
        State = state;
    }

    public static (int Year, int? Half) Parse(string code)
    {
        var match = CodePattern().Match(code ?? "");
        if (!match.Success)
            throw new DomainException("period.code-invalid", $"'{code}' is not a period (write 2025 or 2025-H1).");
        return (int.Parse(match.Groups[1].Value), match.Groups[2].Success ? int.Parse(match.Groups[2].Value) : null);
    }

    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>The first day the period covers: 1 January, or 1 July for the second half.</summary>
    public DateOnly Starts => new(Year, Half == 2 ? 7 : 1, 1);

    /// <summary>The first day of the period a code names (2025 and 2025-H1: 1 January 2025; 2025-H2: 1 July 2025).</summary>
    public static DateOnly StartOf(string code)
    {
        var (year, half) = Parse(code);
        return new(year, half == 2 ? 7 : 1, 1);
    }

    public void ChangeState(PeriodState state) => State = state;

    public void EnsureStaffCanWrite()
    {
        if (State == PeriodState.Locked) throw new DomainException("period.locked", $"The period {Code} is locked.");
        if (State == PeriodState.Closed) throw new DomainException("period.closed", $"The period {Code} is closed for reporting.");
    }

    public void EnsureReviewerCanWrite()
    {
        if (State == PeriodState.Locked) throw new DomainException("period.locked", $"The period {Code} is locked.");
    }

    [GeneratedRegex(@"^(20\d\d)(?:-H([12]))?\z")]
    private static partial Regex CodePattern();
}
