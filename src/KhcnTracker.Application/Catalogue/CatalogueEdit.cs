using FluentValidation;

namespace KhcnTracker.Application.Catalogue;

/// <summary>How every edit of the catalogue's rows (document, indicator, target, task) begins.</summary>
internal static class CatalogueEdit
{
    /// <summary>
    /// The caller may edit the catalogue, then the command is valid, then one <c>DbContext</c> for the operation —
    /// in that order, so a caller without the right learns nothing about the input.
    /// </summary>
    public static async Task<IAppDbContext> OpenEditAsync<T>(this IAppDbContextFactory dbFactory, ICurrentUser user,
        IValidator<T> validator, T command, CancellationToken ct)
    {
        user.EnsureCanEditCatalogue();
        await validator.EnsureValidAsync(command, ct);
        return await dbFactory.CreateAsync(ct);
    }
}
