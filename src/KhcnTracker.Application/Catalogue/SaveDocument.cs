using FluentValidation;

namespace KhcnTracker.Application.Catalogue;

/// <summary>Adds a document (<see cref="Version"/> null) or edits it at the version the editor read.</summary>
public sealed record SaveDocumentCommand(
    string Code, uint? Version, string? Number, string Kind, string TitleVi, string TitleEn, string Issuer, string Unit,
    DateOnly? Date, int Year, string? Implements, string? SourceFile);

public sealed class SaveDocumentValidator : AbstractValidator<SaveDocumentCommand>
{
    public SaveDocumentValidator()
    {
        RuleFor(c => c.Code).Must(Slug.IsValid).WithErrorCode("catalogue.code-invalid");
        RuleFor(c => c.Kind).Must(k => CatalogueWords.Kind.TryParse(k, out _)).WithErrorCode("document.kind-invalid");
        RuleFor(c => c.TitleVi).NotEmpty().WithErrorCode("document.title-missing").MaximumLength(PolicyDocument.MaxTitleLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.TitleEn).NotEmpty().WithErrorCode("document.title-missing").MaximumLength(PolicyDocument.MaxTitleLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.Issuer).NotEmpty().WithErrorCode("document.issuer-missing").MaximumLength(PolicyDocument.MaxIssuerLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.Unit).Must(Slug.IsValid).WithErrorCode("target.unit-missing");
        RuleFor(c => c.Year).InclusiveBetween(1945, 2100).WithErrorCode("document.year-out-of-range");
        RuleFor(c => c.Date).Must((c, d) => d is null || d.Value.Year == c.Year).WithErrorCode("document.date-year-mismatch");
        RuleFor(c => c.Number).MaximumLength(PolicyDocument.MaxNumberLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.SourceFile).MaximumLength(CatalogueRecord.MaxSourceFileLength).WithErrorCode(TextLimits.TooLong);
    }
}

public sealed class SaveDocument(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<SaveDocumentCommand> validator)
{
    public async Task HandleAsync(SaveDocumentCommand c, CancellationToken ct = default)
    {
        await using var db = await dbFactory.OpenEditAsync(user, validator, c, ct);
        if (await db.Units.FindAsync([c.Unit], ct) is null)
            throw new CommandRejectedException([new RuleViolation(nameof(c.Unit), "target.unit-missing", "Unknown unit.")]);
        var details = new DocumentDetails(c.Number, CatalogueWords.Kind.Parse(c.Kind), c.TitleVi, c.TitleEn, c.Issuer, c.Unit,
            c.Date, c.Year, string.IsNullOrWhiteSpace(c.Implements) ? null : c.Implements, c.SourceFile, ToBeConfirmed: false);
        await ChangeSaving.SaveAsync(db, ct, async () =>
        {
            if (c.Version is { } version)
            {
                var document = await db.Documents.FindAsync([c.Code], ct) ?? throw new NotFoundException("not-found.document", c.Code);
                db.Entry(document).Property(d => d.Version).OriginalValue = version;
                document.Edit(details with { ToBeConfirmed = document.ToBeConfirmed });
            }
            else
                db.Documents.Add(new PolicyDocument(c.Code, details));
        });
    }
}
