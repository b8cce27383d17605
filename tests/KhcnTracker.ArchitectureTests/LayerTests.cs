using System.Reflection;
using NetArchTest.Rules;

namespace KhcnTracker.ArchitectureTests;

/// <summary>
/// The layers of docs/architecture.md, checked on the built assemblies: the domain knows only the BCL, the use cases
/// know no database driver, web framework or infrastructure, and the web reaches the infrastructure only where the
/// application is composed.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Domain.Reporting.ReportedValue).Assembly;
    private static readonly Assembly Application = typeof(Application.Common.Access).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.Persistence.AppDbContext).Assembly;
    private static readonly Assembly Web = typeof(Web.SharedResource).Assembly;

    [Fact]
    public void The_domain_depends_on_nothing_but_the_base_class_library()
    {
        var offenders = Offenders(Types.InAssembly(Domain).ShouldNot().HaveDependencyOtherThan("System", "KhcnTracker.Domain").GetResult());
        Assert.True(offenders.Length == 0, $"Domain types with dependencies outside the BCL: {string.Join(", ", offenders)}");
        Assert.DoesNotContain(Domain.GetReferencedAssemblies(), reference => !IsBcl(reference));
    }

    [Theory]
    [InlineData("KhcnTracker.Infrastructure")]
    [InlineData("KhcnTracker.Web")]
    [InlineData("Microsoft.EntityFrameworkCore.Relational")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.AspNetCore")]
    public void The_use_cases_do_not_reference(string forbidden)
    {
        var references = Application.GetReferencedAssemblies().Select(r => r.Name!).ToList();
        Assert.DoesNotContain(references, name => name == forbidden || name.StartsWith(forbidden + ".", StringComparison.Ordinal));
    }

    [Fact]
    public void The_infrastructure_does_not_reference_the_web()
    {
        Assert.DoesNotContain(Infrastructure.GetReferencedAssemblies(), r => r.Name == "KhcnTracker.Web");
    }

    [Fact]
    public void The_web_reaches_the_infrastructure_only_where_the_application_is_composed()
    {
        var result = Types.InAssembly(Web)
            .That().DoNotResideInNamespace("KhcnTracker.Web.Hosting")
            .And().DoNotHaveName("Program")
            .And().DoNotHaveNameStartingWith("<")
            .ShouldNot().HaveDependencyOnAny("KhcnTracker.Infrastructure")
            .GetResult();
        var offenders = Offenders(result);
        Assert.True(offenders.Length == 0,
            $"Pages and endpoints must go through the application's use cases, not the infrastructure: {string.Join(", ", offenders)}");
    }

    private static string[] Offenders(TestResult result) =>
        result.IsSuccessful ? [] : result.FailingTypes.Select(t => t.FullName).Distinct().Order().ToArray();

    private static bool IsBcl(AssemblyName reference) =>
        reference.Name is "netstandard" or "mscorlib" || reference.Name!.StartsWith("System", StringComparison.Ordinal)
        || reference.Name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);
}
