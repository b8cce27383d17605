using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Common;

namespace KhcnTracker.Domain.Reporting;

/// <summary>What a reported value must be for its indicator.</summary>
public static class ValueRules
{
    public static void Check(Indicator indicator, decimal value)
    {
        switch (indicator.Measure)
        {
            case Measure.Percent when value < 0 || (value > 100 && !indicator.AllowsOver100):
                Fail("value.percent-out-of-range", "A percentage is between 0 and 100 for this indicator.");
                break;
            case Measure.Count when value < 0 || value != decimal.Truncate(value):
                Fail("value.count-invalid", "A count is a whole number, zero or more.");
                break;
            case Measure.Rank when value < 1 || value != decimal.Truncate(value):
                Fail("value.rank-invalid", "A rank is a whole number, 1 or more.");
                break;
            case Measure.Milestone when value is not (0 or 1):
                Fail("value.milestone-invalid", "A milestone is reached (1) or not (0).");
                break;
            case Measure.Per10000 or Measure.Money or Measure.Index when value < 0:
                Fail("value.negative", "The value cannot be negative.");
                break;
        }
        if (decimal.Round(value, indicator.Decimals) != value)
            Fail("value.too-many-decimals", $"This indicator takes at most {indicator.Decimals} decimals.");
    }

    private static void Fail(string code, string message) => throw new DomainException(code, message);
}
