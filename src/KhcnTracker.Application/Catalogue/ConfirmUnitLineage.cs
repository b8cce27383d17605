using KhcnTracker.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Catalogue;

/// <summary>
/// Administrators confirm a province's 2025 merger that the shipped list flagged "to be confirmed" (it was compiled from
/// the press reports of Resolution 202/2025/QH15, not the legal text). Idempotent, like confirming an agency's successor;
/// audited.
/// </summary>
public sealed class ConfirmUnitLineage(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task HandleAsync(string code, CancellationToken ct = default)
    {
        user.EnsureCanEditCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == code, ct)
            ?? throw new NotFoundException("not-found.unit", code);
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            unit.ConfirmLineage();
            return Task.CompletedTask;
        });
    }
}
