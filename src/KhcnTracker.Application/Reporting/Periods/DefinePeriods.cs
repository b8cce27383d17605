using FluentValidation;

namespace KhcnTracker.Application.Reporting.Periods;

/// <summary>A new national period: any yearly or half-yearly code from 2015 on, with its due date.</summary>
public sealed record CreatePeriodCommand(string Code, DateOnly DueDate);

public sealed class CreatePeriodValidator : AbstractValidator<CreatePeriodCommand>
{
    public CreatePeriodValidator()
    {
        // The domain's own reading of a code, so that a year before 2015 is told as such.
        RuleFor(c => c.Code).Custom((code, context) =>
        {
            try
            {
                ReportingPeriod.ParseNew(code);
            }
            catch (Domain.Common.DomainException e)
            {
                context.AddFailure(new FluentValidation.Results.ValidationFailure(nameof(CreatePeriodCommand.Code), e.Message) { ErrorCode = e.Code });
            }
        });
    }
}

/// <summary>
/// Administrators define the national periods: create one (for back-fill, or ahead of time) and set its due date.
/// A new period gets a row in every province: open when it has not ended yet, closed when it lies in the past — a
/// past period is opened for back-fill by the province (or an administrator) that enters its history.
/// </summary>
public sealed class DefinePeriods(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<CreatePeriodCommand> validator, TimeProvider clock)
{
    public async Task<PeriodView> CreateAsync(CreatePeriodCommand c, CancellationToken ct = default)
    {
        user.EnsureCanDefinePeriods();
        await validator.EnsureValidAsync(c, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        if (await db.Periods.AnyAsync(p => p.Code == c.Code, ct))
            throw new CommandRejectedException([new RuleViolation("Code", "period.exists", $"The period {c.Code} exists already.")]);
        var today = DateOnly.FromDateTime(VietnamTime.Of(clock.GetUtcNow()).Date);
        var units = await db.Units.Select(u => u.Code).ToListAsync(ct);
        ReportingPeriod period = null!;
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            db.Periods.Add(period = new ReportingPeriod(c.Code, c.DueDate));
            var state = period.Ends < today ? PeriodState.Closed : PeriodState.Open;
            foreach (var unit in units) db.UnitPeriods.Add(new UnitPeriod(period, unit, state));
            return Task.CompletedTask;
        });
        return PeriodView.Of(period);
    }

    public async Task<PeriodView> SetDueDateAsync(string code, DateOnly dueDate, uint? version, CancellationToken ct = default)
    {
        user.EnsureCanDefinePeriods();
        await using var db = await dbFactory.CreateAsync(ct);
        var period = await db.Periods.FindAsync([code], ct) ?? throw new NotFoundException("not-found.period", code);
        if (version is { } v && v != period.Version)
            throw new ConcurrencyConflictException("conflict.period");
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            period.SetDueDate(dueDate);
            if (version is { } expected) db.Entry(period).Property(x => x.Version).OriginalValue = expected;
            return Task.CompletedTask;
        });
        return PeriodView.Of(period);
    }
}
