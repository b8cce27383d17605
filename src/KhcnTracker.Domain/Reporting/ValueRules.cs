using KhcnTracker.Domain.Catalogue;

namespace KhcnTracker.Domain.Reporting;

/// <summary>What a reported value must be for its indicator.</summary>
public static class ValueRules
{
    public static void Check(Indicator indicator, decimal value)
    {
        MeasureRules.Check(indicator, value, "value");
        if (indicator.Measure == Measure.Milestone && value is not (0 or 1))
            Fail("value.milestone-invalid", "A milestone is reached (1) or not (0).");
        if (decimal.Round(value, indicator.Decimals) != value)
            Fail("value.too-many-decimals", $"This indicator takes at most {indicator.Decimals} decimals.");
    }

    private static void Fail(string code, string message) => throw new DomainException(code, message);
}
