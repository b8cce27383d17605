using FluentValidation;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Common;
using KhcnTracker.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KhcnTracker.Application.Reporting;

/// <summary>
/// Creates or updates the caller's draft of a value, with the evidence files that come with it, and submits it when
/// <see cref="Submit"/> says so: one action, one transaction. <see cref="Version"/> is the version the caller read (null
/// for a first entry); an approved value is revised into a new draft. Any refusal leaves no row and no file.
/// <see cref="FollowUp"/> and <see cref="ReachedOn"/> (a milestone's date reached) left null keep what the value had.
/// </summary>
public sealed record SaveValueCommand(string Unit, string Indicator, string Period, decimal? Value, string? Source, string? Note, uint? Version,
    bool Submit = false, IReadOnlyList<EvidenceUpload>? Files = null, bool? FollowUp = null, DateOnly? ReachedOn = null);

/// <summary>A file to attach: its name as the person chose it, and its bytes (opened when the file is read).</summary>
public sealed record EvidenceUpload(string FileName, Func<Stream> Open);

public sealed class SaveValueValidator : AbstractValidator<SaveValueCommand>
{
    public const int MaxFiles = 10;

    public SaveValueValidator()
    {
        RuleFor(c => c.Unit).Must(Slug.IsValid).WithErrorCode("target.unit-missing");
        RuleFor(c => c.Indicator).Must(Slug.IsValid).WithErrorCode("target.indicator-missing");
        RuleFor(c => c.Period).Must(ReportingPeriod.IsValidCode).WithErrorCode("period.code-invalid");
        RuleFor(c => c.Value).NotNull().WithErrorCode("value.empty");
        RuleFor(c => c.Source).MaximumLength(ReportedValue.MaxTextLength).WithErrorCode("value.text-too-long");
        RuleFor(c => c.Note).MaximumLength(ReportedValue.MaxTextLength).WithErrorCode("value.text-too-long");
        RuleFor(c => c.Files).Must(f => f is null || f.Count <= MaxFiles).WithErrorCode("evidence.too-many");
    }
}

public sealed class SaveValue(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<SaveValueCommand> validator, TimeProvider clock,
    IEvidenceStore store, IOptions<EvidenceOptions> evidenceOptions)
{
    public async Task<SavedValue> HandleAsync(SaveValueCommand c, CancellationToken ct = default)
    {
        await validator.EnsureValidAsync(c, ct);
        await using var db = await dbFactory.CreateAsync(ct);
        // Only the staff of the agency assigned to report this indicator in this province write it.
        await user.EnsureReportsForAsync(db, c.Unit, c.Indicator, ct);
        var indicator = await db.Indicators.FindAsync([c.Indicator], ct) ?? throw new NotFoundException("not-found.indicator", c.Indicator);
        var period = await Periods.UnitPeriods.FindAsync(db, c.Unit, c.Period, ct) ?? throw Rejected("period.unknown", $"Unknown period {c.Period}.");
        var by = user.Account!;
        var latest = await db.Values.Where(v => v.UnitCode == c.Unit && v.IndicatorCode == c.Indicator && v.PeriodCode == c.Period)
            .OrderByDescending(v => v.Revision).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();

        if (latest is not null && latest.IsOutdatedFor(c.Version, by))
            throw ValueConflict.Of(latest);

        // The files are read and checked beside the store; they take their place only once the domain accepted everything.
        var staged = new List<StagedEvidence>();
        try
        {
            await EvidenceQuota.StageEachAsync(db, store, user, c.Unit, c.Files, evidenceOptions.Value, staged, ct);
            ReportedValue saved = null!;
            await EvidenceSaving.SaveAsync(db, store, staged, ct, async () =>
            {
                if (latest is null)
                    await db.Values.AddAsync(saved = ReportedValue.Draft(c.Unit, indicator, period, c.Value, c.Source, c.Note, by, now), ct);
                else if (latest.Status == ValueStatus.Approved)
                {
                    saved = latest.Revise(period, by, now);
                    saved.Edit(indicator, period, c.Value, c.Source, c.Note, by, now);
                    await db.Values.AddAsync(saved, ct);
                }
                else
                {
                    db.Entry(latest).Property(v => v.Version).OriginalValue = c.Version ?? latest.Version;
                    (saved = latest).Edit(indicator, period, c.Value, c.Source, c.Note, by, now);
                }
                // The value's id comes from its HiLo sequence on Add, so its evidence rows point at it in the same save.
                for (var i = 0; i < staged.Count; i++)
                    db.Evidence.Add(new Evidence(saved, c.Files![i].FileName, staged[i].File.ContentType, staged[i].File.Size, staged[i].File.Sha256, by, now));
                saved.Mark(indicator, c.FollowUp, c.ReachedOn);
                if (c.Submit) saved.Submit(period, by, now);
            });
            return new SavedValue(saved.Id, saved.Version);
        }
        finally
        {
            foreach (var file in staged) file.Dispose();
        }
    }

    private static CommandRejectedException Rejected(string code, string message) => new([new RuleViolation("", code, message)]);
}

internal static class ValueConflict
{
    /// <summary>Shows the other person's value, so nothing is overwritten silently and nobody has to guess.</summary>
    public static ConcurrencyConflictException Of(ReportedValue current) => current.Value is { } value
        ? new ConcurrencyConflictException("conflict.value", current.EnteredBy, value, current.Status)
        : new ConcurrencyConflictException("conflict.value-empty", current.EnteredBy, current.Status);
}
