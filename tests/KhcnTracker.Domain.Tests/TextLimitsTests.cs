namespace KhcnTracker.Domain.Tests;

/// <summary>The domain refuses a text past its type's limit whoever calls it (the pages, the API or the catalogue loader).</summary>
public sealed class TextLimitsTests
{
    [Fact]
    public void AnIndicatorNameAtItsLimitIsKeptAndOneCharacterMoreIsRefusedWithTheLimit()
    {
        var atLimit = new Indicator("share", Samples.IndicatorDetails() with { NameVi = new string('a', Indicator.MaxNameLength) });
        Assert.Equal(Indicator.MaxNameLength, atLimit.NameVi.Length);

        var refused = Assert.Throws<DomainException>(() =>
            new Indicator("share", Samples.IndicatorDetails() with { NameVi = new string('a', Indicator.MaxNameLength + 1) }));
        Assert.Equal(TextLimits.TooLong, refused.Code);
        Assert.Equal([Indicator.MaxNameLength], refused.Arguments);
    }

    [Fact]
    public void ATaskEditWithATooLongProductIsRefusedAndLeavesTheTaskAsItWas()
    {
        var task = new PlanTask(Samples.Document(), 1, Samples.TaskDetails());
        var before = task.ProductVi;

        var refused = Assert.Throws<DomainException>(() =>
            task.Edit(Samples.Document(), Samples.TaskDetails() with { ProductVi = new string('x', PlanTask.MaxProductLength + 1) }));

        Assert.Equal(TextLimits.TooLong, refused.Code);
        Assert.Equal(before, task.ProductVi);
    }

    [Fact]
    public void ARequiredTextIsTrimmedBeforeItIsMeasured()
    {
        var unit = new AdministrativeUnit("laocai", "  " + new string('L', AdministrativeUnit.MaxNameLength) + "  ", "Lao Cai", UnitLevel.Province, null, null);
        Assert.Equal(AdministrativeUnit.MaxNameLength, unit.NameVi.Length);
    }
}
