using FluentValidation;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Common;
using KhcnTracker.Domain.Progress;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Dashboards;

/// <summary>A new dashboard (<see cref="Id"/> null) or a change to one at the version its author read.</summary>
public sealed record SaveDashboardCommand(int? Id, uint? Version, string Unit, string Name, IReadOnlyList<string> IndicatorCodes);

public sealed class SaveDashboardValidator : AbstractValidator<SaveDashboardCommand>
{
    public SaveDashboardValidator()
    {
        RuleFor(c => c.Unit).Must(Slug.IsValid).WithErrorCode("target.unit-missing");
        RuleFor(c => c.Name).NotEmpty().WithErrorCode("dashboard.name-missing").MaximumLength(Dashboard.MaxNameLength).WithErrorCode(TextLimits.TooLong);
        // How many cards at most is the domain's guard (its refusal carries the limit).
        RuleFor(c => c.IndicatorCodes).NotEmpty().WithErrorCode("dashboard.no-cards")
            .Must(c => c.Distinct().Count() == c.Count).WithErrorCode("dashboard.card-twice");
        RuleFor(c => c.Version).NotNull().When(c => c.Id is not null).WithErrorCode("conflict.changed");
    }
}

public sealed class SaveDashboard(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<SaveDashboardCommand> validator, TimeProvider clock)
{
    public async Task<(int Id, uint Version)> HandleAsync(SaveDashboardCommand c, CancellationToken ct = default)
    {
        user.EnsureCanMakeDashboardsFor(c.Unit);
        await validator.EnsureValidAsync(c, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var known = await db.Indicators.Where(i => c.IndicatorCodes.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct);
        if (c.IndicatorCodes.Except(known).FirstOrDefault() is { } unknown)
            throw new CommandRejectedException([new RuleViolation(nameof(c.IndicatorCodes), "dashboard.indicator-unknown", "Unknown indicator.", [unknown])]);
        Dashboard? dashboard = null;
        await ChangeSaving.SaveAsync(db, ct, async () =>
        {
            var at = clock.GetUtcNow();
            if (c.Id is { } id)
            {
                dashboard = await db.Dashboards.SingleOrDefaultAsync(d => d.Id == id && d.UnitCode == c.Unit, ct)
                    ?? throw new NotFoundException("not-found.dashboard", id);
                db.Entry(dashboard).Property(d => d.Version).OriginalValue = c.Version!.Value;
                dashboard.Change(c.Name, c.IndicatorCodes, user.Account!, at);
            }
            else
                db.Dashboards.Add(dashboard = new Dashboard(c.Unit, c.Name, c.IndicatorCodes, user.Account!, at));
        });
        return (dashboard!.Id, dashboard.Version);
    }
}
