using FluentValidation;

namespace KhcnTracker.Application.Catalogue;

/// <summary>Adds a target (<see cref="Id"/> null) or edits one at the <see cref="Version"/> the editor read.</summary>
public sealed record SaveTargetCommand(
    int? Id, uint? Version, string Document, string Unit, string Indicator, int Year, string Comparator,
    decimal? Value, decimal? ValueMax, GrowthView? Growth, int? BaselineYear, decimal? BaselineValue,
    string? SourceFile, string? SourceQuote, string? NoteVi);

public sealed class SaveTargetValidator : AbstractValidator<SaveTargetCommand>
{
    public SaveTargetValidator()
    {
        RuleFor(c => c.Document).Must(Slug.IsValid).WithErrorCode("target.document-missing");
        RuleFor(c => c.Unit).Must(Slug.IsValid).WithErrorCode("target.unit-missing");
        RuleFor(c => c.Indicator).Must(Slug.IsValid).WithErrorCode("target.indicator-missing");
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithErrorCode("target.year-out-of-range");
        RuleFor(c => c.Comparator).Must(w => CatalogueWords.Comparator.TryParse(w, out _)).WithErrorCode("target.comparator-invalid");
        RuleFor(c => c.Value).NotNull().When(c => !Is(c.Comparator, Comparator.MilestoneReached)).WithErrorCode("target.value-missing");
        RuleFor(c => c.ValueMax).Null().When(c => !Is(c.Comparator, Comparator.Between)).WithErrorCode("target.upper-not-allowed");
        RuleFor(c => c.ValueMax).NotNull().GreaterThan(c => c.Value).When(c => Is(c.Comparator, Comparator.Between)).WithErrorCode("target.band-upper-invalid");
        RuleFor(c => c.SourceQuote).MaximumLength(Target.MaxQuoteLength).WithErrorCode("target.quote-too-long");
        RuleFor(c => c.NoteVi).MaximumLength(Target.MaxNoteLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.SourceFile).MaximumLength(CatalogueRecord.MaxSourceFileLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.Version).NotNull().When(c => c.Id is not null).WithErrorCode("edit.version-missing");
    }

    /// <summary>The command's word read as the comparator it names (an unknown word is none of them).</summary>
    private static bool Is(string word, Comparator comparator) => CatalogueWords.Comparator.TryParse(word, out var c) && c == comparator;
}

public sealed class SaveTarget(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<SaveTargetCommand> validator)
{
    public async Task<int> HandleAsync(SaveTargetCommand command, CancellationToken ct = default)
    {
        await using var db = await dbFactory.OpenEditAsync(user, validator, command, ct);
        var document = await db.Documents.FindAsync([command.Document], ct) ?? throw Missing("target.document-missing", "document");
        var unit = await db.Units.FindAsync([command.Unit], ct) ?? throw Missing("target.unit-missing", "unit");
        var indicator = await db.Indicators.FindAsync([command.Indicator], ct) ?? throw Missing("target.indicator-missing", "indicator");
        var terms = new TargetTerms(command.Year, CatalogueWords.Comparator.Parse(command.Comparator), command.Value, command.ValueMax,
            command.Growth is { } g ? new TargetGrowth(CatalogueWords.Growth.Parse(g.Mode), g.FromYear, g.ToYear) : null,
            command.BaselineYear, command.BaselineValue, command.NoteVi);
        var source = new TargetSource(command.SourceFile, command.SourceQuote);
        Target? target = null;
        await ChangeSaving.SaveAsync(db, ct, async () =>
        {
            if (command.Id is { } id)
            {
                target = await db.Targets.FindAsync([id], ct) ?? throw new NotFoundException("not-found.target", id);
                if (target.UnitCode != command.Unit) throw Missing("target.unit-changed", "unit");
                db.Entry(target).Property(t => t.Version).OriginalValue = command.Version!.Value;
                target.Edit(document, indicator, terms, source);
            }
            else
            {
                target = Target.Create(document, unit, indicator, terms, source, toBeConfirmed: false);
                db.Targets.Add(target);
            }
            // In the same transaction, so that the agency due to report the target can do so at once.
            await Reporting.DefaultAssignments.AddMissingAsync(db, ct);
        });
        return target!.Id;
    }

    private static CommandRejectedException Missing(string code, string what) =>
        new([new RuleViolation(what, code, $"The {what} is missing or unknown.")]);
}
