using System.Reflection;
using System.Runtime.CompilerServices;

namespace KhcnTracker.ArchitectureTests;

/// <summary>
/// Every concrete class of the product is sealed: use cases, entities and views are not extension points, and a
/// class opened for inheritance is a decision to make on purpose (abstract), not by forgetting a keyword.
/// </summary>
public sealed class SealedTypesTests
{
    public static TheoryData<string> Assemblies() =>
        new() { "KhcnTracker.Domain", "KhcnTracker.Application", "KhcnTracker.Infrastructure", "KhcnTracker.Web" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Concrete_classes_are_sealed(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var open = assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !t.IsDefined(typeof(CompilerGeneratedAttribute), false))
            .Where(t => !t.Name.StartsWith('<') && !IsFrameworkMade(t))
            .Select(t => t.FullName)
            .Order()
            .ToList();
        Assert.True(open.Count == 0, $"Not sealed: {string.Join(", ", open)}");
    }

    // Written by the tools, not by us: EF migrations, Razor components and _Imports, the top-level Program.
    private static bool IsFrameworkMade(Type type) =>
        type.Namespace?.EndsWith(".Migrations", StringComparison.Ordinal) == true
        || type.Name is "_Imports" or "Program"
        || typeof(Microsoft.AspNetCore.Components.ComponentBase).IsAssignableFrom(type);
}
