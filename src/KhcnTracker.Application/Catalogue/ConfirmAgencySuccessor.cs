namespace KhcnTracker.Application.Catalogue;

/// <summary>
/// Administrators confirm an agency's 2025 successor that the shipped catalogue flagged "to be confirmed". Confirming is
/// idempotent (the row has no version to race on: two administrators confirming the same fact agree); it is audited.
/// </summary>
public sealed class ConfirmAgencySuccessor(IAppDbContextFactory dbFactory, ICurrentUser user)
{
    public async Task HandleAsync(string unit, string code, CancellationToken ct = default)
    {
        user.EnsureCanEditCatalogue();
        await using var db = await dbFactory.CreateAsync(ct);
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.UnitCode == unit && a.Code == code, ct)
            ?? throw new NotFoundException("not-found.agency", unit, code);
        await ChangeSaving.SaveAsync(db, ct, () =>
        {
            agency.ConfirmSuccessor();
            return Task.CompletedTask;
        });
    }
}
