using FluentValidation;

namespace KhcnTracker.Application.Catalogue;

/// <summary>Adds a task (<see cref="Id"/> null) or edits one at the version the editor read.</summary>
public sealed record SaveTaskCommand(
    int? Id, uint? Version, string Document, int Number, string NameVi, string LeadAgency, IReadOnlyList<string> CoordinatingAgencies,
    string? ProductVi, int StartYear, int EndYear);

public sealed class SaveTaskValidator : AbstractValidator<SaveTaskCommand>
{
    public SaveTaskValidator()
    {
        RuleFor(c => c.Document).Must(Slug.IsValid).WithErrorCode("target.document-missing");
        RuleFor(c => c.Number).GreaterThan(0).WithErrorCode("task.number-invalid");
        RuleFor(c => c.NameVi).NotEmpty().WithErrorCode("task.name-missing").MaximumLength(PlanTask.MaxNameLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.ProductVi).MaximumLength(PlanTask.MaxProductLength).WithErrorCode(TextLimits.TooLong);
        RuleFor(c => c.LeadAgency).Must(Slug.IsValid).WithErrorCode("task.lead-agency-missing");
        RuleFor(c => c.StartYear).InclusiveBetween(2000, 2100).WithErrorCode("target.year-out-of-range");
        RuleFor(c => c.EndYear).GreaterThanOrEqualTo(c => c.StartYear).WithErrorCode("task.timeframe-invalid");
        RuleFor(c => c.Version).NotNull().When(c => c.Id is not null).WithErrorCode("edit.version-missing");
    }
}

public sealed class SaveTask(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<SaveTaskCommand> validator)
{
    public async Task<int> HandleAsync(SaveTaskCommand c, CancellationToken ct = default)
    {
        await using var db = await dbFactory.OpenEditAsync(user, validator, c, ct);
        var document = await db.Documents.FindAsync([c.Document], ct)
            ?? throw new CommandRejectedException([new RuleViolation(nameof(c.Document), "target.document-missing", "Unknown document.")]);
        var agencies = await db.Agencies.Where(a => a.UnitCode == document.UnitCode).Select(a => a.Code).ToListAsync(ct);
        if (!agencies.Contains(c.LeadAgency) || c.CoordinatingAgencies.Any(a => !agencies.Contains(a)))
            throw new CommandRejectedException([new RuleViolation(nameof(c.LeadAgency), "task.lead-agency-missing", "Unknown agency.")]);
        PlanTask? task = null;
        await ChangeSaving.SaveAsync(db, ct, async () =>
        {
            var details = new TaskDetails(c.NameVi, c.LeadAgency, c.CoordinatingAgencies, null, c.ProductVi, c.StartYear, c.EndYear,
                null, null, null);
            if (c.Id is { } id)
            {
                task = await db.Tasks.FindAsync([id], ct) ?? throw new NotFoundException("not-found.task", id);
                db.Entry(task).Property(t => t.Version).OriginalValue = c.Version!.Value;
                task.Edit(document, details with
                {
                    CoordinatingText = task.CoordinatingText, TimeframeText = task.TimeframeText,
                    SourceFile = task.SourceFile, SourceQuote = task.SourceQuote,
                });
            }
            else
            {
                task = new PlanTask(document, c.Number, details);
                db.Tasks.Add(task);
            }
        });
        return task!.Id;
    }
}
