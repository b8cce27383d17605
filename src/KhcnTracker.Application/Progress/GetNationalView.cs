namespace KhcnTracker.Application.Progress;

/// <summary>
/// Resolution 57's national targets beside the provinces' targets for the same indicators, and the heatmap of
/// provinces × headline indicators coloured by the status of each province's target that matters now.
/// </summary>
public sealed class GetNationalView(IAppDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes, TimeProvider clock)
{
    public async Task<NationalView> HandleAsync(CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        var (units, lineage, readable) = (caller.Units, caller.Lineage, caller.ReadableUnits);
        var national = units.Where(u => u.Level == UnitLevel.Country).Select(u => u.Code).ToList();
        var year = VietnamTime.Now(clock).Year;
        var data = await ProgressData.LoadAsync(db, units, year, readable.Union(national).ToList(), ProgressWords.Headlines, ct);
        var headlines = ProgressWords.Headlines.Where(data.Indicators.ContainsKey).ToList();

        var byUnit = data.Targets.ToLookup(t => lineage.Current(t.UnitCode).Code);
        var heatmap = lineage.CurrentProvinces().Where(p => readable.Contains(p.Code)).Select(p => new HeatmapRow(UnitLineage.Ref(p),
            headlines.Select(code => ProgressData.TargetThatMattersNow(byUnit[p.Code].Where(t => t.IndicatorCode == code), year) is { } target
                ? new HeatmapCell(code, data.Evaluate(target))
                : new HeatmapCell(code, null)).ToList())).ToList();

        var nationalRows = data.Targets.Where(t => national.Contains(t.UnitCode)).OrderBy(t => t.Year).ThenBy(t => headlines.IndexOf(t.IndicatorCode))
            .Select(t => new NationalTargetRow(
                readable.Contains(t.UnitCode) ? data.Evaluate(t) : data.Evaluate(t, []),
                heatmap.Select(row => ProgressData.TargetThatMattersNow(
                        byUnit[row.Unit.Code].Where(p => p.IndicatorCode == t.IndicatorCode && p.Year == t.Year), year))
                    .OfType<Target>().Select(data.Evaluate).ToList()))
            .ToList();
        return new NationalView(headlines.Select(c => ProgressData.IndicatorRef(data.Indicators[c])).ToList(), heatmap, nationalRows);
    }
}
