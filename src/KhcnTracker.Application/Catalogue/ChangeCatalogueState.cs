namespace KhcnTracker.Application.Catalogue;

public enum CatalogueItem { Document, Indicator, Target, Task }

/// <summary>
/// Retires a catalogue row with a reason (it stays, with its history, out of the lists unless retired rows are asked
/// for), restores one, or confirms one the press reported.
/// <paramref name="key"/> is the code of a document or indicator, or the id of a target or task.
/// </summary>
public sealed class ChangeCatalogueState(IAppDbContextFactory dbFactory, ICurrentUser user, TimeProvider clock)
{
    public Task RetireAsync(CatalogueItem item, string key, uint version, string? reason, CancellationToken ct = default) =>
        ChangeAsync(item, key, version, Change.Retire, reason, ct);

    public Task RestoreAsync(CatalogueItem item, string key, uint version, CancellationToken ct = default) =>
        ChangeAsync(item, key, version, Change.Restore, null, ct);

    public Task ConfirmAsync(CatalogueItem item, string key, uint version, CancellationToken ct = default) =>
        ChangeAsync(item, key, version, Change.Confirm, null, ct);

    private enum Change { Retire, Restore, Confirm }

    private async Task ChangeAsync(CatalogueItem item, string key, uint version, Change change, string? reason, CancellationToken ct)
    {
        user.EnsureCanEditCatalogue();
        // Asked before anything is read: retiring without saying why is refused at the edge.
        if (change == Change.Retire && string.IsNullOrWhiteSpace(reason))
            throw new CommandRejectedException([new RuleViolation("reason", "catalogue.retire-reason-missing", "A reason to retire is required.")]);
        await using var db = await dbFactory.CreateAsync(ct);
        object? row = item switch
        {
            CatalogueItem.Document => await db.Documents.FindAsync([key], ct),
            CatalogueItem.Indicator => await db.Indicators.FindAsync([key], ct),
            CatalogueItem.Target => await db.Targets.FindAsync([Id(key)], ct),
            CatalogueItem.Task => await db.Tasks.FindAsync([Id(key)], ct),
            _ => null,
        };
        if (row is null) throw new NotFoundException("not-found.row", key);
        try
        {
            switch (change, row)
            {
                case (Change.Retire, _): Retire(row, new Retirement(user.Account!, clock.GetUtcNow(), reason)); break;
                case (Change.Restore, _): Restore(row); break;
                case (Change.Confirm, PolicyDocument d): d.Confirm(); break;
                case (Change.Confirm, Target t): t.Confirm(); break;
                default:
                    throw new CommandRejectedException([new RuleViolation("", "catalogue.not-confirmable", "Only documents and targets are confirmed.")]);
            }
        }
        catch (DomainException e)
        {
            throw CommandRejectedException.From(e, "reason");
        }
        db.Entry(row).Property("Version").OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("conflict.catalogue");
        }
    }

    private static void Retire(object row, Retirement retirement)
    {
        switch (row)
        {
            case PolicyDocument d: d.Retire(retirement); break;
            case Indicator i: i.Retire(retirement); break;
            case Target t: t.Retire(retirement); break;
            case PlanTask k: k.Retire(retirement); break;
        }
    }

    private static void Restore(object row)
    {
        switch (row)
        {
            case PolicyDocument d: d.Restore(); break;
            case Indicator i: i.Restore(); break;
            case Target t: t.Restore(); break;
            case PlanTask k: k.Restore(); break;
        }
    }

    private static int Id(string key) => int.TryParse(key, out var id) ? id : throw new NotFoundException("not-found.row", key);
}
