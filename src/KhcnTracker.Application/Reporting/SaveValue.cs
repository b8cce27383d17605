using FluentValidation;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Reporting;

/// <summary>
/// Creates or updates the caller's draft of a value. <see cref="Version"/> is the version the caller read (null for a
/// first entry); an approved value is revised into a new draft.
/// </summary>
public sealed record SaveValueCommand(string Unit, string Indicator, string Period, decimal? Value, string? Source, string? Note, uint? Version);

public sealed class SaveValueValidator : AbstractValidator<SaveValueCommand>
{
    public SaveValueValidator()
    {
        RuleFor(c => c.Unit).Must(Slug.IsValid).WithErrorCode("target.unit-missing");
        RuleFor(c => c.Indicator).Must(Slug.IsValid).WithErrorCode("target.indicator-missing");
        RuleFor(c => c.Period).Must(ReportingPeriod.IsValidCode).WithErrorCode("period.code-invalid");
        RuleFor(c => c.Source).MaximumLength(ReportedValue.MaxTextLength).WithErrorCode("value.text-too-long");
        RuleFor(c => c.Note).MaximumLength(ReportedValue.MaxTextLength).WithErrorCode("value.text-too-long");
    }
}

public sealed class SaveValue(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<SaveValueCommand> validator, TimeProvider clock)
{
    public async Task<SavedValue> HandleAsync(SaveValueCommand c, CancellationToken ct = default)
    {
        await validator.EnsureValidAsync(c, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var assignment = await db.Assignments.FindAsync([c.Unit, c.Indicator], ct);
        // Only the staff of the agency assigned to report this indicator in this province write it.
        user.EnsureCanReportFor(c.Unit, assignment?.AgencyCode ?? "");
        var indicator = await db.Indicators.FindAsync([c.Indicator], ct) ?? throw new NotFoundException($"Không tìm thấy chỉ số {c.Indicator}.");
        var period = await Periods.UnitPeriods.FindAsync(db, c.Unit, c.Period, ct) ?? throw Rejected("period.unknown", $"Unknown period {c.Period}.");
        var by = user.Account!;
        var latest = await db.Values.Where(v => v.UnitCode == c.Unit && v.IndicatorCode == c.Indicator && v.PeriodCode == c.Period)
            .OrderByDescending(v => v.Revision).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();

        // Without a version (API callers), the caller may only update their own draft or revise an approved value.
        var unversionedOk = c.Version is null && (latest is null || latest.Status == ValueStatus.Approved
            || (latest.Status is ValueStatus.Draft or ValueStatus.Returned && string.Equals(latest.EnteredBy, by, StringComparison.OrdinalIgnoreCase)));
        if (latest is not null && !unversionedOk && latest.Version != c.Version)
            throw new ConcurrencyConflictException(ValueConflict.Message(latest));

        ReportedValue saved = null!;
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            if (latest is null)
                db.Values.Add(saved = ReportedValue.Draft(c.Unit, indicator, period, c.Value, c.Source, c.Note, by, now));
            else if (latest.Status == ValueStatus.Approved)
            {
                saved = latest.Revise(period, by, now);
                saved.Edit(indicator, period, c.Value, c.Source, c.Note, by, now);
                db.Values.Add(saved);
            }
            else
            {
                db.Entry(latest).Property(v => v.Version).OriginalValue = c.Version ?? latest.Version;
                (saved = latest).Edit(indicator, period, c.Value, c.Source, c.Note, by, now);
            }
            return Task.CompletedTask;
        });
        return new SavedValue(saved.Id, saved.Version);
    }

    private static CommandRejectedException Rejected(string code, string message) => new([new RuleViolation("", code, message)]);
}

internal static class ValueConflict
{
    /// <summary>Shows the other person's value, so nothing is overwritten silently and nobody has to guess.</summary>
    public static string Message(ReportedValue current) =>
        $"Số liệu này vừa được {current.EnteredBy} cập nhật thành {current.Value?.ToString("#,##0.######", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) ?? "(trống)"} " +
        $"(trạng thái: {StatusVi(current.Status)}). Hãy tải lại rồi sửa tiếp.";

    private static string StatusVi(ValueStatus status) => status switch
    {
        ValueStatus.Draft => "nháp",
        ValueStatus.Submitted => "chờ thẩm định",
        ValueStatus.Approved => "đã phê duyệt",
        _ => "bị trả lại",
    };
}
