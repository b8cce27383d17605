using KhcnTracker.Domain.Catalogue;

namespace KhcnTracker.Domain.Reporting;

/// <summary>The latest approved revision of a unit's value of an indicator for a period: what computations start from.</summary>
public sealed record ApprovedFigure(string UnitCode, string IndicatorCode, string PeriodCode, int Revision, decimal Value);

public enum ComputedProblem { DivisionByZero, Overflow, FormerUnitMissing }

/// <summary>
/// A figure the portal works out instead of someone typing it: a formula indicator's value from its inputs, or a
/// successor province's figure for a period before its merger, combined from the provinces it absorbed.
/// <see cref="Value"/> is null exactly when <see cref="Problem"/> says why.
/// </summary>
public sealed record ComputedFigure(
    string UnitCode, string IndicatorCode, string PeriodCode, decimal? Value, ComputedProblem? Problem,
    IReadOnlyList<ApprovedFigure> Inputs, IReadOnlyList<string> CombinedFrom, IReadOnlyList<string> MissingUnits)
{
    public bool IsCombined => CombinedFrom.Count > 0;
}

/// <summary>
/// The rules for figures nobody types. A formula indicator has a value for a unit and period exactly when every input
/// has an approved value there; it is rounded to the indicator's decimals. Before a merger, a successor's amounts and
/// counts are the sums of its own and the absorbed provinces' figures — present only when every one of them reported —
/// and its formula indicators over amounts are the formula over those sums, never an average of the provinces' ratios.
/// </summary>
public static class ComputedFigures
{
    /// <summary>Each formula indicator's value per unit and period, from that unit's own approved inputs.</summary>
    public static IReadOnlyList<ComputedFigure> Compute(IReadOnlyDictionary<string, Indicator> indicators, IEnumerable<ApprovedFigure> approved)
    {
        var formulas = InDependencyOrder(indicators);
        if (formulas.Count == 0) return [];
        var inputCodes = formulas.SelectMany(f => f.Formula.Inputs).ToHashSet();
        var result = new List<ComputedFigure>();
        // Only the figures some formula reads matter: at national scale, a few among hundreds of thousands.
        foreach (var place in approved.Where(a => inputCodes.Contains(a.IndicatorCode)).GroupBy(a => (a.UnitCode, a.PeriodCode)))
        {
            var known = place.ToDictionary(a => a.IndicatorCode);
            foreach (var (indicator, formula) in formulas)
            {
                if (!formula.Inputs.All(known.ContainsKey)) continue;
                var inputs = formula.Inputs.Select(code => known[code]).ToList();
                var figure = Evaluate(indicator, formula, place.Key.UnitCode, place.Key.PeriodCode, inputs,
                    inputs.ToDictionary(i => i.IndicatorCode, i => i.Value), []);
                result.Add(figure);
                // A formula may read another computed indicator: later formulas see this one's value (revision 0).
                if (figure.Value is { } v) known[indicator.Code] = new ApprovedFigure(figure.UnitCode, indicator.Code, figure.PeriodCode, 0, v);
            }
        }
        return result;
    }

    /// <summary>
    /// A successor's figures for periods that ended before its merger, combined from itself and the units merged into
    /// it: additive indicators (amounts, counts) summed, formula indicators over additive inputs computed from the sums.
    /// </summary>
    public static IReadOnlyList<ComputedFigure> Combine(IReadOnlyCollection<AdministrativeUnit> units, IReadOnlyDictionary<string, Indicator> indicators,
        IEnumerable<ApprovedFigure> approved)
    {
        var mergers = units.Where(u => u.SuccessorCode is not null && u.MergedOn is not null)
            .GroupBy(u => (Successor: u.SuccessorCode!, MergedOn: u.MergedOn!.Value)).ToList();
        var combinable = indicators.Values.Select(i => (Indicator: i, Inputs: CombinableInputs(i, indicators)))
            .Where(c => c.Inputs is not null).ToList();
        if (mergers.Count == 0 || combinable.Count == 0) return [];
        // A unit may take part in several mergers (absorbed one year, absorbing another): the lookup keeps them all.
        var memberOf = mergers.SelectMany(m => m.Select(u => u.Code).Append(m.Key.Successor).Select(code => (code, m.Key.MergedOn)))
            .ToLookup(x => x.code, x => x.MergedOn);
        var ended = new Dictionary<(string Period, DateOnly MergedOn), bool>();
        // The figures of merged provinces and their successors, for periods wholly before one of their mergers.
        var byKey = new Dictionary<(string, string, string), ApprovedFigure>();
        foreach (var a in approved)
            foreach (var mergedOn in memberOf[a.UnitCode])
            {
                var key = (a.PeriodCode, mergedOn);
                if (!ended.TryGetValue(key, out var before)) ended[key] = before = EndsBefore(a.PeriodCode, mergedOn);
                if (before) byKey[(a.UnitCode, a.IndicatorCode, a.PeriodCode)] = a;
            }
        var result = new List<ComputedFigure>();
        foreach (var merger in mergers)
        {
            var members = merger.Select(u => u.Code).OrderBy(c => c, StringComparer.Ordinal).Prepend(merger.Key.Successor).ToList();
            var periods = byKey.Keys.Where(k => members.Contains(k.Item1) && ended[(k.Item3, merger.Key.MergedOn)]).Select(k => k.Item3).Distinct();
            foreach (var period in periods)
                foreach (var (indicator, inputCodes) in combinable)
                {
                    var found = (from code in inputCodes! from unit in members
                                 let figure = byKey.GetValueOrDefault((unit, code, period))
                                 where figure is not null select figure).ToList();
                    // As for one unit: nothing to say until every input has been reported somewhere.
                    if (inputCodes!.Any(code => found.All(f => f.IndicatorCode != code))) continue;
                    var missing = members.Where(m => inputCodes!.Any(code => !byKey.ContainsKey((m, code, period)))).ToList();
                    if (missing.Count > 0)
                    {
                        result.Add(new ComputedFigure(merger.Key.Successor, indicator.Code, period, null, ComputedProblem.FormerUnitMissing,
                            found, members, missing));
                        continue;
                    }
                    var sums = inputCodes!.ToDictionary(code => code, code => found.Where(f => f.IndicatorCode == code).Sum(f => f.Value));
                    result.Add(indicator.IsComputed
                        ? Evaluate(indicator, Formula.Parse(indicator.Formula!), merger.Key.Successor, period, found, sums, members)
                        : new ComputedFigure(merger.Key.Successor, indicator.Code, period, sums[indicator.Code], null, found, members, []));
                }
        }
        return result;
    }

    /// <summary>Amounts and counts add up across provinces; shares, indexes and ranks do not.</summary>
    public static bool IsAdditive(Indicator indicator) => !indicator.IsComputed && indicator.Measure is Measure.Money or Measure.Count;

    /// <summary>The indicators whose figures are summed to combine this one, or null when it cannot be combined.</summary>
    private static IReadOnlyList<string>? CombinableInputs(Indicator indicator, IReadOnlyDictionary<string, Indicator> indicators)
    {
        if (IsAdditive(indicator)) return [indicator.Code];
        if (!indicator.IsComputed) return null;
        var inputs = Formula.Parse(indicator.Formula!).Inputs;
        return inputs.All(code => indicators.TryGetValue(code, out var input) && IsAdditive(input)) ? inputs : null;
    }

    /// <summary>A period wholly before the merger (2025-H1 before 1 July 2025; the year 2025 is the merged province's).</summary>
    private static bool EndsBefore(string periodCode, DateOnly mergedOn)
    {
        var (year, half) = ReportingPeriod.Parse(periodCode);
        var end = half == 1 ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31);
        return end < mergedOn;
    }

    private static ComputedFigure Evaluate(Indicator indicator, Formula formula, string unit, string period, IReadOnlyList<ApprovedFigure> inputs,
        IReadOnlyDictionary<string, decimal> values, IReadOnlyList<string> combinedFrom)
    {
        var result = formula.Evaluate(values);
        var value = result.Value is { } v ? Math.Round(v, indicator.Decimals, MidpointRounding.AwayFromZero) : (decimal?)null;
        var problem = result.Problem switch
        {
            FormulaProblem.DivisionByZero => ComputedProblem.DivisionByZero, FormulaProblem.Overflow => ComputedProblem.Overflow, _ => (ComputedProblem?)null,
        };
        return new ComputedFigure(unit, indicator.Code, period, value, problem, inputs, combinedFrom, []);
    }

    /// <summary>Formula indicators ordered so that one reading another comes after it (a cycle is refused when saved).</summary>
    private static List<(Indicator Indicator, Formula Formula)> InDependencyOrder(IReadOnlyDictionary<string, Indicator> indicators)
    {
        var formulas = indicators.Values.Where(i => i.IsComputed).ToDictionary(i => i.Code, i => Formula.Parse(i.Formula!));
        var ordered = new List<(Indicator, Formula)>();
        var placed = new HashSet<string>();
        void Place(string code, HashSet<string> path)
        {
            if (placed.Contains(code) || !formulas.TryGetValue(code, out var formula) || !path.Add(code)) return;
            foreach (var input in formula.Inputs) Place(input, path);
            placed.Add(code);
            ordered.Add((indicators[code], formula));
        }
        foreach (var code in formulas.Keys.Order()) Place(code, []);
        return ordered;
    }

    /// <summary>Every indicator a set of indicators needs to be computed: themselves and their inputs, transitively.</summary>
    public static IReadOnlyCollection<string> WithInputs(IEnumerable<string> codes, IReadOnlyDictionary<string, Indicator> indicators)
    {
        var result = new HashSet<string>();
        var queue = new Queue<string>(codes);
        while (queue.TryDequeue(out var code))
        {
            if (!result.Add(code)) continue;
            if (indicators.GetValueOrDefault(code)?.Formula is { } text)
                foreach (var input in Formula.Parse(text).Inputs) queue.Enqueue(input);
        }
        return result;
    }
}
