using FluentValidation;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Tasks;

/// <summary>The lead agency's staff record a task's status and a progress note (review comes with the reporting workflow).</summary>
public sealed record RecordTaskProgressCommand(int TaskId, uint Version, string Status, string? Note);

public sealed class RecordTaskProgressValidator : AbstractValidator<RecordTaskProgressCommand>
{
    public const int MaxNoteLength = 4000;

    public RecordTaskProgressValidator()
    {
        RuleFor(c => c.Status).Must(s => CatalogueWords.TaskStatus.TryParse(s, out _)).WithErrorCode("task.status-invalid");
        RuleFor(c => c.Note).MaximumLength(MaxNoteLength).WithErrorCode("task.note-too-long");
    }
}

public sealed class RecordTaskProgress(IAppDbContextFactory dbFactory, ICurrentUser user, IValidator<RecordTaskProgressCommand> validator, TimeProvider clock)
{
    public async Task HandleAsync(RecordTaskProgressCommand command, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var task = await db.Tasks.FindAsync([command.TaskId], ct) ?? throw new NotFoundException($"Không tìm thấy nhiệm vụ {command.TaskId}.");
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => (a.UnitCode, a.Code), ct);
        // A former department's task is reported by the department that absorbed it (e.g. Vĩnh Phúc's Sở TT&TT → Phú Thọ's Sở KH&CN).
        var (unit, agency) = AgencyLineage.CurrentFor(task.UnitCode, task.LeadAgencyCode, DateOnly.FromDateTime(clock.GetLocalNow().Date), agencies);
        user.EnsureCanReportFor(unit, agency);
        await validator.EnsureValidAsync(command, ct);
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            db.Entry(task).Property(t => t.Version).OriginalValue = command.Version;
            task.RecordProgress(CatalogueWords.TaskStatus.Parse(command.Status), command.Note);
            return Task.CompletedTask;
        });
    }
}
