namespace KhcnTracker.Domain.Catalogue;

/// <summary>The rules a target must keep, checked whenever it is created or changed.</summary>
public static class TargetRules
{
    public static void Check(PolicyDocument document, Indicator indicator, TargetTerms t)
    {
        if (t.Year < document.Year)
            Fail("target.year-before-document", $"The target year {t.Year} is before the document's year {document.Year}.");
        if (t.Year > 2100)
            Fail("target.year-out-of-range", "The target year is after 2100.");

        if (t.BaselineYear is { } baseYear && baseYear >= t.Year)
            Fail("target.baseline-after-target", "The baseline year must be before the target year.");
        if ((t.BaselineYear is null) != (t.BaselineValue is null))
            Fail("target.baseline-incomplete", "A baseline needs both its year and its value.");

        var isMilestone = t.Comparator == Comparator.MilestoneReached;
        if (isMilestone != (indicator.Measure == Measure.Milestone))
            Fail("target.milestone-mismatch", "A milestone target needs a milestone indicator, and only a milestone target may use one.");
        if (isMilestone)
        {
            if (t.Value is not null || t.ValueMax is not null || t.Growth is not null)
                Fail("target.milestone-has-value", "A milestone target has no value.");
            return;
        }

        if (t.Value is not { } value)
            Fail("target.value-missing", "The target needs a value.");
        else
            CheckValue(indicator, t, value);

        if (t.Comparator == Comparator.Between)
        {
            if (t.ValueMax is not { } max || max <= t.Value)
                Fail("target.band-upper-invalid", "A band needs an upper value greater than its lower value.");
            else if (t.Growth is null)
                CheckValue(indicator, t, max);
        }
        else if (t.ValueMax is not null)
            Fail("target.upper-not-allowed", "Only a band (between) target has an upper value.");

        if (t.Comparator == Comparator.RankWithinTop && indicator.Measure != Measure.Rank)
            Fail("target.top-needs-rank", "A “within top N” target needs a rank indicator.");

        if (t.Growth is { } growth)
        {
            if (growth.FromYear > growth.ToYear || growth.ToYear >= t.Year)
                Fail("target.growth-period-invalid", "The growth's base period must end before the target year.");
            if (growth.Mode == GrowthMode.Multiple && t.Value <= 0)
                Fail("target.growth-multiple-invalid", "A multiple must be greater than zero.");
        }
    }

    private static void CheckValue(Indicator indicator, TargetTerms t, decimal value)
    {
        // A growth target's value is a growth (30 %, ×2), not a value of the indicator's measure.
        if (t.Growth is not null) return;
        MeasureRules.Check(indicator, value, "target");
    }

    private static void Fail(string code, string message) => throw new DomainException(code, message);
}
