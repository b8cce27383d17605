using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace KhcnTracker.Application.Catalogue;

public enum CatalogueItem { Document, Indicator, Target, Task }

/// <summary>
/// Retires a catalogue row (it stays, with its history, out of the lists) or confirms one the press reported.
/// <paramref name="key"/> is the code of a document or indicator, or the id of a target or task.
/// </summary>
public sealed class ChangeCatalogueState(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public Task RetireAsync(CatalogueItem item, string key, uint version, CancellationToken ct = default) =>
        ChangeAsync(item, key, version, retire: true, ct);

    public Task ConfirmAsync(CatalogueItem item, string key, uint version, CancellationToken ct = default) =>
        ChangeAsync(item, key, version, retire: false, ct);

    private async Task ChangeAsync(CatalogueItem item, string key, uint version, bool retire, CancellationToken ct)
    {
        user.EnsureCanEditCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        object? row = item switch
        {
            CatalogueItem.Document => await db.Documents.FindAsync([key], ct),
            CatalogueItem.Indicator => await db.Indicators.FindAsync([key], ct),
            CatalogueItem.Target => await db.Targets.FindAsync([Id(key)], ct),
            CatalogueItem.Task => await db.Tasks.FindAsync([Id(key)], ct),
            _ => null,
        };
        switch (row)
        {
            case null: throw new NotFoundException($"Không tìm thấy {key}.");
            case PolicyDocument d: if (retire) d.Retire(); else d.Confirm(); break;
            case Target t: if (retire) t.Retire(); else t.Confirm(); break;
            case Indicator i when retire: i.Retire(); break;
            case PlanTask k when retire: k.Retire(); break;
            default:
                throw new CommandRejectedException([new RuleViolation("", "catalogue.not-confirmable", "Only documents and targets are confirmed.")]);
        }
        db.Entry(row).Property("Version").OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("Dữ liệu vừa được người khác sửa. Hãy tải lại rồi thử lại.");
        }
    }

    private static int Id(string key) => int.TryParse(key, out var id) ? id : throw new NotFoundException($"Không tìm thấy {key}.");
}
