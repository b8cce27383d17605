using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Reporting;

/// <summary>
/// The latest revision of each value (or every revision with <see cref="AllRevisions"/>) in the caller's scope, and with
/// <see cref="WithComputed"/> the computed indicators' values worked out from the approved inputs.
/// </summary>
public sealed record ValueFilter(string? Unit = null, string? Indicator = null, string? Period = null, ValueStatus? Status = null,
    bool AllRevisions = false, bool WithComputed = false);

/// <remarks>
/// The scope is the caller's <see cref="CallerScope"/>, merger-aware: a grant for a province of today reads the values
/// recorded for the units merged into it (Phú Thọ's reviewer reads Vĩnh Phúc's), and it is the query's own WHERE.
/// </remarks>
public sealed class ListValues(IAppDbContextFactory dbFactory, ICurrentUser user, CallerScopes scopes)
{
    public async Task<IReadOnlyList<ValueView>> HandleAsync(ValueFilter filter, CancellationToken ct = default)
    {
        user.EnsureSignedIn();
        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        if (filter.Unit is { } requested) caller.EnsureCanRead(requested);
        var rows = from v in db.Values.AsNoTracking()
                   join i in db.Indicators on v.IndicatorCode equals i.Code
                   select new { Value = v, i.NameVi };
        // The caller's scope is the query's own WHERE: rows of provinces they may not read are never read.
        if (filter.Unit is { } unit) rows = rows.Where(r => r.Value.UnitCode == unit);
        else if (caller.ReadableUnitCodes is { } readable) rows = rows.Where(r => readable.Contains(r.Value.UnitCode));
        if (filter.Indicator is { } indicator) rows = rows.Where(r => r.Value.IndicatorCode == indicator);
        if (filter.Period is { } period) rows = rows.Where(r => r.Value.PeriodCode == period);
        if (!filter.AllRevisions)
            rows = rows.Where(r => !db.Values.Any(newer => newer.UnitCode == r.Value.UnitCode && newer.IndicatorCode == r.Value.IndicatorCode
                                                         && newer.PeriodCode == r.Value.PeriodCode && newer.Revision > r.Value.Revision));
        if (filter.Status is { } status) rows = rows.Where(r => r.Value.Status == status);
        var list = await rows.OrderBy(r => r.Value.UnitCode).ThenBy(r => r.Value.PeriodCode).ThenBy(r => r.NameVi)
            .ThenBy(r => r.Value.Revision).ToListAsync(ct);
        var views = list.Select(r => ValueMapping.ToView(r.Value, r.NameVi)).ToList();
        if (filter.WithComputed && !filter.AllRevisions && filter.Status is null or ValueStatus.Approved)
            views.AddRange(await ComputedValues.ListAsync(db, caller, filter, ct));
        return views;
    }

    /// <summary>Every revision of the value <paramref name="id"/> belongs to, oldest first.</summary>
    public async Task<IReadOnlyList<ValueView>> HistoryAsync(int id, CancellationToken ct = default)
    {
        user.EnsureSignedIn();
        await using var db = await dbFactory.CreateAsync(ct);
        var caller = await scopes.ForAsync(db, user, ct);
        var value = caller.Readable(await db.Values.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct), v => v.UnitCode, "not-found.value", id);
        return await HandleAsync(new ValueFilter(value.UnitCode, value.IndicatorCode, value.PeriodCode, AllRevisions: true), ct);
    }

    /// <summary>A computed value's figures over time: one line each time an approved input revision changed it, oldest first.</summary>
    public async Task<IReadOnlyList<ValueView>> ComputedHistoryAsync(string unit, string indicator, string period, CancellationToken ct = default)
    {
        user.EnsureSignedIn();
        await using var db = await dbFactory.CreateAsync(ct);
        // Another province's figures answer as missing ones, as for every value.
        (await scopes.ForAsync(db, user, ct)).Readable(unit, u => u, "not-found.unit-values", unit);
        return await ComputedValues.HistoryAsync(db, unit, indicator, period, ct);
    }
}
