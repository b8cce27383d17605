using KhcnTracker.Domain.Progress;

namespace KhcnTracker.Application.Progress;

/// <summary>Where a period's value sits in time: at the end of the period (2025 → 2025, 2025-H1 → 2024.5).</summary>
public static class PeriodPosition
{
    public static decimal Of(string periodCode)
    {
        var (year, half) = ReportingPeriod.Parse(periodCode);
        return Observation.ForPeriod(year, half, 0).Year;
    }
}
