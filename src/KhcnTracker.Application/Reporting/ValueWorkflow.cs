using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Reporting;

/// <summary>Submit (the reporting agency's staff), approve and return (the province's reviewer, never on a revision they entered, changed or submitted).</summary>
public sealed class ValueWorkflow(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public Task<SavedValue> SubmitAsync(int id, uint? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (db, value) => user.EnsureReportsForAsync(db, value.UnitCode, value.IndicatorCode, ct),
            (value, period) => value.Submit(period, user.Account!, clock.GetUtcNow()), ct);

    public Task<SavedValue> ApproveAsync(int id, uint? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, EnsureCanReviewAsync, (value, period) => value.Approve(period, user.Account!, clock.GetUtcNow()), ct);

    public Task<SavedValue> ReturnAsync(int id, uint? version, string reason, CancellationToken ct = default) =>
        ChangeAsync(id, version, EnsureCanReviewAsync, (value, period) => value.Return(period, reason, user.Account!, clock.GetUtcNow()), ct);

    /// <summary>The province's reviewer, and never on a revision of their own (someone holding both roles).</summary>
    private Task EnsureCanReviewAsync(IAppDbContext db, ReportedValue value)
    {
        // Anyone who entered, changed or submitted this revision's figure (the domain keeps the list) is refused.
        user.EnsureCanReview(value.UnitCode, value.IsAuthor);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The caller's right comes first: only someone who may take this step learns that the value changed meanwhile (the
    /// conflict message shows the other person's figure); a value outside their province answers as a missing one.
    /// </summary>
    private async Task<SavedValue> ChangeAsync(int id, uint? version, Func<IAppDbContext, ReportedValue, Task> authorize,
        Action<ReportedValue, UnitPeriod> change, CancellationToken ct)
    {
        user.EnsureSignedIn();
        await using var db = await dbFactory.CreateAsync(ct);
        var value = user.Readable(await db.Values.FindAsync([id], ct), v => v.UnitCode, "not-found.value", id);
        await authorize(db, value);
        var period = await Periods.UnitPeriods.GetAsync(db, value.UnitCode, value.PeriodCode, ct);
        await ChangeSaving.SaveRevisionAsync(db, value, version, ValueConflict.Of, () => change(value, period), ct);
        return new SavedValue(value.Id, value.Version);
    }
}
