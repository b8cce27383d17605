using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Reporting;

/// <summary>Submit (the reporting agency's staff), approve and return (the province's reviewer, never on their own submission).</summary>
public sealed class ValueWorkflow(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public Task<SavedValue> SubmitAsync(int id, uint? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, async (db, value, period) =>
        {
            var assignment = await db.Assignments.FindAsync([value.UnitCode, value.IndicatorCode], ct);
            user.EnsureCanReportFor(value.UnitCode, assignment?.AgencyCode ?? "");
            value.Submit(period, user.Account!, clock.GetUtcNow());
        }, ct);

    public Task<SavedValue> ApproveAsync(int id, uint? version, CancellationToken ct = default) =>
        ChangeAsync(id, version, (_, value, period) =>
        {
            EnsureCanReview(value);
            value.Approve(period, user.Account!, clock.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    public Task<SavedValue> ReturnAsync(int id, uint? version, string reason, CancellationToken ct = default) =>
        ChangeAsync(id, version, (_, value, period) =>
        {
            EnsureCanReview(value);
            value.Return(period, reason, user.Account!, clock.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    /// <summary>The province's reviewer, and never on a submission of their own (someone holding both roles).</summary>
    private void EnsureCanReview(ReportedValue value)
    {
        user.EnsureCanReview(value.UnitCode);
        if (string.Equals(value.SubmittedBy, user.Account, StringComparison.OrdinalIgnoreCase)) throw new AccessDeniedException();
    }

    private async Task<SavedValue> ChangeAsync(int id, uint? version, Func<IAppDbContext, ReportedValue, ReportingPeriod, Task> change, CancellationToken ct)
    {
        if (!user.IsAuthenticated) throw new AccessDeniedException();
        await using var db = await dbFactory.CreateAsync(ct);
        var value = await db.Values.FindAsync([id], ct) ?? throw new NotFoundException($"Không tìm thấy số liệu {id}.");
        var period = await db.Periods.FindAsync([value.PeriodCode], ct) ?? throw new NotFoundException($"Không tìm thấy kỳ {value.PeriodCode}.");
        if (version is { } v && v != value.Version)
            throw new ConcurrencyConflictException(ValueConflict.Message(value));
        await ChangeSaving.SaveAsync(db, ct, async () =>
        {
            await change(db, value, period);
            if (version is { } expected) db.Entry(value).Property(x => x.Version).OriginalValue = expected;
        });
        return new SavedValue(value.Id, value.Version);
    }
}
