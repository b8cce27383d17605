using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace KhcnTracker.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The use cases, found by their one convention: a public sealed class of this assembly that is told who is asking
    /// (<see cref="ICurrentUser"/> in its constructor), because every use case authorizes its caller first.
    /// </summary>
    public static IReadOnlyList<Type> UseCases { get; } = typeof(DependencyInjection).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsSealed: true, IsAbstract: false }
            && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(ICurrentUser))))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<SaveTargetValidator>(ServiceLifetime.Singleton);
#pragma warning disable RS0030 // The composition root: the one place that hands the system clock to the app.
        services.AddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        // The caller's scope is built once per DI scope: the request in the API, the circuit in Blazor Server.
        services.AddScoped<CallerScopes>();
        foreach (var useCase in UseCases) services.AddScoped(useCase);
        return services;
    }
}
