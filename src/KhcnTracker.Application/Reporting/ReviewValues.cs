using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Reporting;

/// <summary>One value of a batch, at the version the reviewer saw.</summary>
public sealed record ReviewItem(int Id, uint Version);

/// <summary>
/// The reviewer approves or returns several values at once: one action, one transaction, all or nothing. Each value must
/// be one of a province the caller reviews (another province's answers as a missing one), at the version the reviewer saw
/// (else nothing is written and the conflict names the value), and the domain's rules hold for each — four eyes among
/// them: a value the reviewer entered, changed or submitted refuses the whole batch. A refusal leaves no row and no
/// audit entry.
/// </summary>
public sealed class ReviewValues(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    /// <summary>The most values one batch takes.</summary>
    public const int MaxItems = 200;

    public Task<IReadOnlyList<SavedValue>> ApproveAsync(IReadOnlyList<ReviewItem> items, CancellationToken ct = default) =>
        ReviewAsync(items, (value, period, at) => value.Approve(period, user.Account!, at), ct);

    public Task<IReadOnlyList<SavedValue>> ReturnAsync(IReadOnlyList<ReviewItem> items, string reason, CancellationToken ct = default) =>
        ReviewAsync(items, (value, period, at) => value.Return(period, reason, user.Account!, at), ct);

    private async Task<IReadOnlyList<SavedValue>> ReviewAsync(IReadOnlyList<ReviewItem>? items,
        Action<ReportedValue, UnitPeriod, DateTimeOffset> change, CancellationToken ct)
    {
        user.EnsureSignedIn();
        if (items is null || items.Count == 0)
            throw CommandRejectedException.Of("review.none-selected", "Choose at least one value.");
        if (items.Count > MaxItems)
            throw CommandRejectedException.Of("review.too-many", $"One batch takes at most {MaxItems} values.", MaxItems);
        if (items.Select(i => i.Id).Distinct().Count() != items.Count)
            throw CommandRejectedException.Of("review.duplicate", "A value is listed twice.");

        await using var db = await dbFactory.CreateAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var found = await db.Values.Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        // The caller's right over every value comes first: only then does anyone learn that one changed meanwhile.
        var values = items.Select(item =>
        {
            var value = user.Readable(found.GetValueOrDefault(item.Id), v => v.UnitCode, "not-found.value", item.Id);
            user.EnsureCanReview(value.UnitCode);
            return (Item: item, Value: value);
        }).ToList();
        foreach (var (item, value) in values)
            if (item.Version != value.Version)
                throw new ConcurrencyConflictException("conflict.review-batch", value.IndicatorCode, value.UnitCode, value.PeriodCode, value.EnteredBy, value.Status);

        var periods = new Dictionary<(string, string), UnitPeriod>();
        foreach (var (_, value) in values)
            if (!periods.ContainsKey((value.UnitCode, value.PeriodCode)))
                periods[(value.UnitCode, value.PeriodCode)] = await Periods.UnitPeriods.GetAsync(db, value.UnitCode, value.PeriodCode, ct);

        var at = clock.GetUtcNow();
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            foreach (var (item, value) in values)
            {
                try
                {
                    change(value, periods[(value.UnitCode, value.PeriodCode)], at);
                }
                catch (DomainException e)
                {
                    // Which value refused the batch, then why.
                    throw new CommandRejectedException([
                        new RuleViolation("", "review.batch-refused", $"Nothing was reviewed: value {value.IndicatorCode} of {value.UnitCode}, {value.PeriodCode} is refused.",
                            [value.IndicatorCode, value.UnitCode, value.PeriodCode]),
                        new RuleViolation("", e.Code, e.Message, e.Arguments),
                    ]);
                }
                // Whoever saved in between (after the values were read) makes the save fail as a whole.
                db.Entry(value).Property(x => x.Version).OriginalValue = item.Version;
            }
            return Task.CompletedTask;
        });
        return [.. values.Select(v => new SavedValue(v.Value.Id, v.Value.Version))];
    }
}
