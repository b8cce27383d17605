namespace KhcnTracker.Application.Progress;

/// <summary><see cref="Unit"/> brings the units merged into it; <see cref="Year"/> is the target year; <see cref="Area"/> is khcn, dmst or cds.</summary>
public sealed record ProgressFilter(string? Unit = null, string? Area = null, int? Year = null);

/// <summary>Every target in the caller's scope with its status and the figures it came from (the API's <c>/progress</c>).</summary>
public sealed class GetProgress(IAppDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes, TimeProvider clock)
{
    public async Task<IReadOnlyList<TargetProgress>> HandleAsync(ProgressFilter filter, CancellationToken ct = default)
    {
        user.EnsureCanReadCatalogue();
        IndicatorAreas? area = null;
        if (filter.Area is { Length: > 0 })
            area = CatalogueWords.Area.TryParse(filter.Area, out var parsed)
                ? parsed
                : throw new CommandRejectedException([new RuleViolation("area", "progress.area-invalid", "The area is khcn, dmst or cds.")]);

        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        var scope = filter.Unit is { Length: > 0 } unit ? caller.Require(unit) : caller.ReadableUnits;
        var data = await ProgressData.LoadAsync(db, caller.Units, VietnamTime.Now(clock).Year, scope, null, ct);

        return data.Targets
            .Where(t => filter.Year is not { } year || t.Year == year)
            .Where(t => area is not { } a || data.Indicators[t.IndicatorCode].Areas.HasFlag(a))
            .Select(data.Evaluate)
            .OrderBy(p => p.Unit.NameVi).ThenBy(p => p.TargetYear).ThenBy(p => p.Indicator.NameVi)
            .ToList();
    }
}
