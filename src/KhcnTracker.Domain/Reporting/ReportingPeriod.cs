using System.Text.RegularExpressions;

namespace KhcnTracker.Domain.Reporting;

public enum PeriodState { Open, Closed, Locked }

/// <summary>
/// The national definition of a year (<c>2025</c>) or a half-year (<c>2025-H1</c>) that values are reported for: its
/// code and due date, kept by administrators. Whether a province may write in it is that province's own
/// <see cref="UnitPeriod"/> (decision 0009): one province closing its books does not lock the others'.
/// </summary>
public sealed partial class ReportingPeriod
{
    /// <summary>The first year a period may cover: the baselines of Resolution 57's targets go back to 2015–2020.</summary>
    public const int FirstYear = 2015;
    public const int LastYear = 2099;
    /// <summary>The longest code its pattern allows (<c>2025</c>, <c>2025-H1</c>), with room to spare.</summary>
    public const int MaxCodeLength = 10;

    public string Code { get; private set; } = null!;
    public int Year { get; private set; }
    public int? Half { get; private set; }
    public DateOnly DueOn { get; private set; }
    public uint Version { get; private set; }

    private ReportingPeriod() { }

    public ReportingPeriod(string code, DateOnly dueOn)
    {
        (Year, Half) = ParseNew(code);
        Code = code;
        SetDueDate(dueOn);
    }

    public static (int Year, int? Half) Parse(string code)
    {
        var match = CodePattern().Match(code ?? "");
        if (!match.Success)
            throw new DomainException("period.code-invalid", $"'{code}' is not a period (write 2025 or 2025-H1).");
        return (int.Parse(match.Groups[1].Value), match.Groups[2].Success ? int.Parse(match.Groups[2].Value) : null);
    }

    /// <summary>
    /// A code for a period to be made: one of <see cref="Parse"/>'s, from <see cref="FirstYear"/> on. (Reading stays
    /// lenient, so that a figure stored under an older code is still placed in time.)
    /// </summary>
    public static (int Year, int? Half) ParseNew(string code)
    {
        var (year, half) = Parse(code);
        if (year < FirstYear)
            throw new DomainException("period.year-out-of-range", $"A period covers a year from {FirstYear} to {LastYear}.");
        return (year, half);
    }

    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>The last day the period covers: 31 December, or 30 June for the first half.</summary>
    public DateOnly Ends => Half == 1 ? new(Year, 6, 30) : new(Year, 12, 31);

    /// <summary>The first day of the period a code names (2025 and 2025-H1: 1 January 2025; 2025-H2: 1 July 2025).</summary>
    public static DateOnly StartOf(string code)
    {
        var (year, half) = Parse(code);
        return new(year, half == 2 ? 7 : 1, 1);
    }

    /// <summary>Figures of a period are due once it has ended: a due date before its last day is a typing mistake.</summary>
    public void SetDueDate(DateOnly dueOn)
    {
        if (dueOn < Ends)
            throw new DomainException("period.due-before-end", $"The due date of {Code} falls before the period ends ({Ends:yyyy-MM-dd}).");
        DueOn = dueOn;
    }

    [GeneratedRegex(@"^(20\d\d)(?:-H([12]))?\z")]
    private static partial Regex CodePattern();
}
