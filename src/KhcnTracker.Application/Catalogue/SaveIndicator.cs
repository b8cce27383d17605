using FluentValidation;

namespace KhcnTracker.Application.Catalogue;

/// <summary>
/// Adds an indicator (<see cref="Version"/> null) or edits it at the version the editor read. Every field is asked for,
/// the plausibility band too (<see cref="PlausibilityBand.None"/> for none): an edit carries what it does not change.
/// </summary>
public sealed record SaveIndicatorCommand(
    string Code, uint? Version, string NameVi, string NameEn, IReadOnlyList<string> Areas, string Unit, string Direction,
    int Decimals, bool AllowsOver100, string? DefinitionVi, string? DefinitionEn, string? Formula, bool ReportsHalfYearly,
    PlausibilityBand Band);

public sealed class SaveIndicatorValidator : AbstractValidator<SaveIndicatorCommand>
{
    public SaveIndicatorValidator()
    {
        RuleFor(c => c.Code).Must(Slug.IsValid).WithErrorCode("catalogue.code-invalid");
        RuleFor(c => c.NameVi).NotEmpty().WithErrorCode("indicator.name-missing").MaximumLength(Indicator.MaxNameLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.NameEn).NotEmpty().WithErrorCode("indicator.name-missing").MaximumLength(Indicator.MaxNameLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.Areas).NotEmpty().WithErrorCode("indicator.area-missing");
        RuleForEach(c => c.Areas).Must(a => CatalogueWords.Area.TryParse(a, out _)).WithErrorCode("indicator.area-missing");
        RuleFor(c => c.Unit).Must(u => CatalogueWords.Measure.TryParse(u, out _)).WithErrorCode("indicator.unit-invalid");
        RuleFor(c => c.Direction).Must(d => CatalogueWords.Direction.TryParse(d, out _)).WithErrorCode("indicator.direction-invalid");
        RuleFor(c => c.Decimals).InclusiveBetween(0, Indicator.MaxDecimals).WithErrorCode("indicator.decimals-out-of-range");
        RuleFor(c => c.Formula).MaximumLength(Indicator.MaxFormulaLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.DefinitionVi).MaximumLength(Indicator.MaxDefinitionLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.DefinitionEn).MaximumLength(Indicator.MaxDefinitionLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.Band).NotNull().WithErrorCode("indicator.band-missing");
    }
}

public sealed class SaveIndicator(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<SaveIndicatorCommand> validator)
{
    public async Task HandleAsync(SaveIndicatorCommand c, CancellationToken ct = default)
    {
        await using var db = await dbFactory.OpenEditAsync(user, validator, c, ct);
        var details = new IndicatorDetails(c.NameVi, c.NameEn, CatalogueWords.ParseAreas(c.Areas), CatalogueWords.Measure.Parse(c.Unit),
            CatalogueWords.Direction.Parse(c.Direction), c.Decimals, c.AllowsOver100, c.DefinitionVi, c.DefinitionEn, c.Formula,
            c.ReportsHalfYearly);
        var band = PlausibilityBand.Of(c.Band.ExpectedMin, c.Band.ExpectedMax, c.Band.JumpWarningPercent);
        await ChangeSaving.SaveAsync(db, ct, async () =>
        {
            var inputs = new Indicator(c.Code, details).FormulaInputs();
            foreach (var input in inputs)
                if (await db.Indicators.FindAsync([input], ct) is null)
                    throw new CommandRejectedException([new RuleViolation(nameof(c.Formula), "indicator.formula-unknown-input", $"Unknown indicator {input}.")]);
            if (inputs.Count > 0)
            {
                // A formula may read another computed indicator, but never one that (through others) reads this one.
                var all = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
                all[c.Code] = new Indicator(c.Code, details);
                if (ComputedFigures.WithInputs(inputs, all).Contains(c.Code))
                    throw new CommandRejectedException([new RuleViolation(nameof(c.Formula), "indicator.formula-cycle", "The formula reads itself through another indicator.")]);
            }
            if (c.Version is { } version)
            {
                var indicator = await db.Indicators.FindAsync([c.Code], ct) ?? throw new NotFoundException("not-found.indicator", c.Code);
                db.Entry(indicator).Property(i => i.Version).OriginalValue = version;
                indicator.Edit(details, band);
            }
            else
                db.Indicators.Add(new Indicator(c.Code, details, band));
            // A new formula input of an indicator some province reports is reported too (the rule of start-up).
            await Reporting.DefaultAssignments.AddMissingAsync(db, ct);
        });
    }
}
