using KhcnTracker.Application;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Exports;
using KhcnTracker.Infrastructure.Files;
using KhcnTracker.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.Testing;

/// <summary>
/// The application's services as the portal composes them, without a web host, for tests and benchmarks that run a use
/// case on a database of their own: the use cases (by their convention), the caller's scope, the documents' words from
/// the resources (Vietnamese) and the XLSX writer. A use case is resolved from a scope of it (never <c>new</c>ed), told
/// who is asking and on which database.
/// </summary>
public static class UseCaseServices
{
    public static ServiceProvider Create(TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddApplication();
        if (clock is not null) services.AddSingleton(clock);
        services.AddLogging();
        services.AddPortalLocalization();
        services.AddDocumentWords();
        services.AddSingleton<IXlsxExportWriter, XlsxExportWriter>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The use case <typeparamref name="T"/> of <paramref name="scope"/>, for <paramref name="caller"/> on the database of <paramref name="factory"/>.</summary>
    public static T Use<T>(this IServiceScope scope, ICurrentUser caller, object factory) where T : notnull =>
        ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, caller, factory);
}
