using KhcnTracker.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Catalogue;

/// <summary>Retires a target (it stays in the history, out of the lists) or confirms one the press reported.</summary>
public sealed class ChangeTargetState(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public Task RetireAsync(int id, uint version, CancellationToken ct = default) => ChangeAsync(id, version, t => t.Retire(), ct);

    public Task ConfirmAsync(int id, uint version, CancellationToken ct = default) => ChangeAsync(id, version, t => t.Confirm(), ct);

    private async Task ChangeAsync(int id, uint version, Action<Domain.Catalogue.Target> change, CancellationToken ct)
    {
        user.EnsureCanEditCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var target = await db.Targets.FindAsync([id], ct) ?? throw new NotFoundException($"Không tìm thấy chỉ tiêu số {id}.");
        db.Entry(target).Property(t => t.Version).OriginalValue = version;
        change(target);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Chỉ tiêu này vừa được người khác sửa. Hãy tải lại rồi thử lại.");
        }
    }
}
