namespace KhcnTracker.Application.Progress;

/// <summary>A computed figure as the pages and the API show it: inputs named, units named, the problem in words.</summary>
public static class ComputationViews
{
    public static ComputationView Of(ComputedFigure figure, IReadOnlyDictionary<string, Indicator> indicators, UnitLineage lineage)
    {
        UnitRef Unit(string code) => lineage.Find(code) is { } u ? UnitLineage.Ref(u) : new UnitRef(code, code, code);
        var inputs = figure.Inputs.Select(i => indicators.TryGetValue(i.IndicatorCode, out var indicator)
                ? new ComputationInput(i.IndicatorCode, indicator.NameVi, indicator.NameEn, Unit(i.UnitCode), i.PeriodCode, i.Revision, i.Value)
                : new ComputationInput(i.IndicatorCode, i.IndicatorCode, i.IndicatorCode, Unit(i.UnitCode), i.PeriodCode, i.Revision, i.Value))
            .ToList();
        return new ComputationView(indicators.GetValueOrDefault(figure.IndicatorCode)?.Formula, inputs, figure.CombinedFrom.Select(Unit).ToList(),
            figure.Problem is { } p ? CatalogueWords.ComputedProblem.Format(p) : null, figure.MissingUnits.Select(Unit).ToList());
    }
}
