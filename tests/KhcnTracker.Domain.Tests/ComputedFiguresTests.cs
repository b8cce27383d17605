namespace KhcnTracker.Domain.Tests;

public class ComputedFiguresTests
{
    private const string Spending = "budget-khcn-dmst-cds-spending", Total = "budget-total-spending", Share = "budget-khcn-dmst-cds-share";

    private static readonly Dictionary<string, Indicator> Indicators = new()
    {
        [Spending] = new(Spending, Samples.IndicatorDetails(Measure.Money)),
        [Total] = new(Total, Samples.IndicatorDetails(Measure.Money)),
        [Share] = new(Share, Samples.IndicatorDetails(formula: $"{{{Spending}}} / {{{Total}}} * 100") with { Decimals = 2 }),
        ["online-share"] = new("online-share", Samples.IndicatorDetails(Measure.Percent)),
    };

    private static readonly AdministrativeUnit[] Units =
    [
        new("phutho", "Phú Thọ", "Phu Tho", UnitLevel.Province, null, null),
        new("vinhphuc", "Vĩnh Phúc", "Vinh Phuc", UnitLevel.Province, "phutho", new DateOnly(2025, 7, 1)),
        new("hoabinh", "Hòa Bình", "Hoa Binh", UnitLevel.Province, "phutho", new DateOnly(2025, 7, 1)),
    ];

    private static ApprovedFigure A(string unit, string indicator, string period, decimal value, int revision = 1) =>
        new(unit, indicator, period, revision, value);

    /// <summary>2024 inputs of Phú Thọ and the two provinces merged into it: Vĩnh Phúc 600 / 20 000, Hòa Bình 100 / 10 000, Phú Thọ 300 / 20 000.</summary>
    private static readonly ApprovedFigure[] Before2025Merger =
    [
        A("vinhphuc", Spending, "2024", 600m), A("vinhphuc", Total, "2024", 20_000m),
        A("hoabinh", Spending, "2024", 100m), A("hoabinh", Total, "2024", 10_000m),
        A("phutho", Spending, "2024", 300m), A("phutho", Total, "2024", 20_000m),
    ];

    [Fact]
    public void Compute_TheShareOfApprovedInputsWithTheRevisionsItCameFrom()
    {
        var figure = ComputedFigures.Compute(Indicators, [A("laocai", Spending, "2026", 330m), A("laocai", Total, "2026", 10_000m, revision: 2)]).Single();

        Assert.Equal(("laocai", Share, "2026"), (figure.UnitCode, figure.IndicatorCode, figure.PeriodCode));
        Assert.Equal(3.30m, figure.Value);
        Assert.Null(figure.Problem);
        Assert.Equal([(Spending, 1), (Total, 2)], figure.Inputs.Select(i => (i.IndicatorCode, i.Revision)));
    }

    [Fact]
    public void Compute_RoundsToTheIndicatorsDecimals() =>
        // 1 / 3 × 100 = 33.333… → 33.33 (two decimals).
        Assert.Equal(33.33m, ComputedFigures.Compute(Indicators, [A("laocai", Spending, "2026", 1m), A("laocai", Total, "2026", 3m)]).Single().Value);

    [Fact]
    public void Compute_NothingWhileAnInputIsMissing() =>
        Assert.Empty(ComputedFigures.Compute(Indicators, [A("laocai", Spending, "2026", 330m), A("laocai", Total, "2025", 10_000m)]));

    [Fact]
    public void Compute_ADivisionByZeroGivesNoValueWithTheReason()
    {
        var figure = ComputedFigures.Compute(Indicators, [A("laocai", Spending, "2026", 330m), A("laocai", Total, "2026", 0m)]).Single();

        Assert.Null(figure.Value);
        Assert.Equal(ComputedProblem.DivisionByZero, figure.Problem);
    }

    [Fact]
    public void Combine_ASuccessorsShareBeforeTheMergerIsTheRatioOfTheSums_NotTheAverageOfTheRatios()
    {
        // Vĩnh Phúc 600 / 20 000 (3 %), Hòa Bình 100 / 10 000 (1 %), Phú Thọ 300 / 20 000 (1.5 %):
        // combined 1 000 / 50 000 = 2.00 %; the average of the three ratios would be 1.83 %.
        ApprovedFigure[] approved = Before2025Merger;

        var combined = ComputedFigures.Combine(Units, Indicators, approved);

        var share = combined.Single(f => f.IndicatorCode == Share);
        Assert.Equal(("phutho", "2024", 2.00m), (share.UnitCode, share.PeriodCode, share.Value));
        Assert.Equal(["phutho", "hoabinh", "vinhphuc"], share.CombinedFrom);
        Assert.Equal(6, share.Inputs.Count);
        Assert.Equal(1_000m, combined.Single(f => f.IndicatorCode == Spending).Value);
        Assert.Equal(50_000m, combined.Single(f => f.IndicatorCode == Total).Value);
        // A typed percentage cannot be summed: it is never combined.
        Assert.DoesNotContain(combined, f => f.IndicatorCode == "online-share");
    }

    [Fact]
    public void Combine_AbsentWithTheReasonWhenAFormerProvinceDidNotReport()
    {
        ApprovedFigure[] approved =
        [
            A("vinhphuc", Spending, "2024", 600m), A("vinhphuc", Total, "2024", 20_000m),
            A("phutho", Spending, "2024", 300m), A("phutho", Total, "2024", 20_000m),
        ];

        var share = ComputedFigures.Combine(Units, Indicators, approved).Single(f => f.IndicatorCode == Share);

        Assert.Null(share.Value);
        Assert.Equal(ComputedProblem.FormerUnitMissing, share.Problem);
        Assert.Equal(["hoabinh"], share.MissingUnits);
    }

    [Fact]
    public void Combine_OnlyPeriodsThatEndedBeforeTheMerger()
    {
        // 2025-H1 ended on 30 June 2025: combined. The year 2025 ends after 1 July 2025: the merged province reports it.
        ApprovedFigure[] approved = new[] { "2025-H1", "2025" }.SelectMany(p => new[]
            { A("vinhphuc", Spending, p, 1m), A("hoabinh", Spending, p, 2m), A("phutho", Spending, p, 3m) }).ToArray();

        var combined = ComputedFigures.Combine(Units, Indicators, approved);

        Assert.Equal([("2025-H1", 6m)], combined.Select(f => (f.PeriodCode, f.Value!.Value)));
    }

    [Fact]
    public void Combine_AUnitAbsorbedAfterAbsorbingAnotherTakesPartInBothMergers()
    {
        AdministrativeUnit[] chain =
        [
            new("c", "C", "C", UnitLevel.Province, null, null),
            new("b", "B", "B", UnitLevel.Province, "c", new DateOnly(2025, 7, 1)),
            new("a", "A", "A", UnitLevel.Province, "b", new DateOnly(2020, 1, 1)),
        ];
        ApprovedFigure[] approved = [A("a", Spending, "2018", 1m), A("b", Spending, "2018", 2m), A("b", Spending, "2024", 3m), A("c", Spending, "2024", 4m)];

        var combined = ComputedFigures.Combine(chain, Indicators, approved);

        Assert.Contains(combined, f => f is { UnitCode: "b", PeriodCode: "2018", Value: 3m });
        Assert.Contains(combined, f => f is { UnitCode: "c", PeriodCode: "2024", Value: 7m });
    }

    [Fact]
    public void FigureSet_TheCombinedFigureStandsInForTheSuccessorsOwnAndTheLatestApprovedRevisionCounts()
    {
        ApprovedFigure[] approved =
        [
            .. Before2025Merger,
            A("phutho", Spending, "2026", 1_000m), A("phutho", Spending, "2026", 1_250m, revision: 2), A("phutho", Total, "2026", 50_000m),
        ];

        var known = FigureSet.Of(Units, Indicators, approved).Known;

        Assert.Equal(2.00m, known.Single(f => f is { UnitCode: "phutho", IndicatorCode: Share, PeriodCode: "2024" }).Value);
        Assert.Equal(1_000m, known.Single(f => f is { UnitCode: "phutho", IndicatorCode: Spending, PeriodCode: "2024" }).Value);
        // The former provinces keep their own figures: 600 / 20 000 = 3 %.
        Assert.Equal(3.00m, known.Single(f => f is { UnitCode: "vinhphuc", IndicatorCode: Share, PeriodCode: "2024" }).Value);
        // After the merger, Phú Thọ's own inputs, revision 2 of the spending: 1 250 / 50 000 = 2.5 %.
        var share2026 = known.Single(f => f is { UnitCode: "phutho", IndicatorCode: Share, PeriodCode: "2026" });
        Assert.Equal(2.50m, share2026.Value);
        Assert.Contains(share2026.Computed!.Inputs, i => i is { IndicatorCode: Spending, Revision: 2 });
    }

    [Fact]
    public void WithInputs_FollowsFormulasToTheTypedIndicators() =>
        Assert.Equal(new[] { Share, Spending, Total }.Order(), ComputedFigures.WithInputs([Share], Indicators).Order());
}
