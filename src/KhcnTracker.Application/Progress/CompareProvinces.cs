namespace KhcnTracker.Application.Progress;

/// <summary>
/// One indicator across the provinces the caller may read: each province of today, and each former province with
/// targets or values of its own, whose series continues under the province that absorbed it. Beside them, the
/// national targets for the indicator.
/// </summary>
public sealed class CompareProvinces(IAppDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes, TimeProvider clock)
{
    public async Task<IndicatorComparison> HandleAsync(string indicatorCode, CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        var (units, lineage, readable) = (caller.Units, caller.Lineage, caller.ReadableUnits);
        var national = units.Where(u => u.Level == Domain.Catalogue.UnitLevel.Country).Select(u => u.Code).ToList();
        var data = await ProgressData.LoadAsync(db, units, VietnamTime.Now(clock).Year, readable.Union(national).ToList(), [indicatorCode], ct);
        if (!data.Indicators.TryGetValue(indicatorCode, out var indicator))
            throw new NotFoundException("not-found.indicator", indicatorCode);

        var provinces = units
            .Where(u => u.Level == Domain.Catalogue.UnitLevel.Province && readable.Contains(u.Code))
            .Select(u => (Unit: u, Series: data.SeriesFor(u.Code, indicatorCode), Targets: data.Targets.Where(t => t.UnitCode == u.Code).ToList()))
            .Where(p => p.Unit.SuccessorCode is null || p.Targets.Count > 0 || p.Series.Any(v => v.UnitCode == p.Unit.Code))
            .OrderBy(p => lineage.Current(p.Unit.Code).NameVi).ThenBy(p => p.Unit.SuccessorCode is null ? 0 : 1).ThenBy(p => p.Unit.NameVi)
            .Select(p => new ProvinceSeries(UnitLineage.Ref(p.Unit),
                lineage.WithPredecessors(p.Unit.Code).Skip(1).Select(c => UnitLineage.Ref(lineage.Find(c)!)).ToList(),
                p.Series, p.Targets.Select(t => data.Evaluate(t, p.Series)).ToList(), data.UnitChangesFor(p.Unit.Code)))
            .ToList();
        // National targets are part of the published catalogue: everyone signed in sees them, with a status only for those who may read national values.
        var nationalTargets = data.Targets.Where(t => national.Contains(t.UnitCode))
            .Select(t => readable.Contains(t.UnitCode) ? data.Evaluate(t) : data.Evaluate(t, [])).ToList();
        return new IndicatorComparison(ProgressData.IndicatorRef(indicator), provinces, nationalTargets);
    }
}
