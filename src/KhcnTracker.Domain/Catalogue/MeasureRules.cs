namespace KhcnTracker.Domain.Catalogue;

/// <summary>
/// What a number may be in an indicator's measure — a target's value and a reported value alike. The rule codes carry
/// the caller's prefix (<c>target.percent-over-100</c>, <c>value.percent-over-100</c>).
/// </summary>
public static class MeasureRules
{
    public static void Check(Indicator indicator, decimal value, string prefix)
    {
        switch (indicator.Measure)
        {
            case Measure.Percent when value < 0:
                Fail(prefix, "percent-negative", "A percentage cannot be negative.");
                break;
            case Measure.Percent when value > 100 && !indicator.AllowsOver100:
                Fail(prefix, "percent-over-100", "A percentage cannot be over 100 for this indicator.");
                break;
            case Measure.Count when value < 0 || value != decimal.Truncate(value):
                Fail(prefix, "count-invalid", "A count is a whole number, zero or more.");
                break;
            case Measure.Rank when value < 1 || value != decimal.Truncate(value):
                Fail(prefix, "rank-invalid", "A rank is a whole number, 1 or more.");
                break;
            case Measure.Per10000 or Measure.Money or Measure.Index when value < 0:
                Fail(prefix, "value-negative", "The value cannot be negative.");
                break;
        }
    }

    private static void Fail(string prefix, string rule, string message) => throw new DomainException($"{prefix}.{rule}", message);
}
