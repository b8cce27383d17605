using KhcnTracker.Application.Common;

namespace KhcnTracker.ArchitectureTests;

/// <summary>Use cases are registered by their convention; these tests keep the convention meaning what it says.</summary>
public sealed class UseCaseTests
{
    private static readonly IReadOnlyList<Type> UseCases = Application.DependencyInjection.UseCases;

    [Fact]
    public void The_convention_finds_the_use_cases_of_every_feature()
    {
        var features = UseCases.Select(t => t.Namespace!.Split('.')[2]).Distinct().Order().ToList();
        Assert.Equal(["Auditing", "Catalogue", "Dashboards", "Exports", "Operations", "Progress", "Public", "Reporting", "Reports", "Tasks", "Users"], features);
        Assert.Contains(typeof(Application.Reporting.SaveValue), UseCases);
        Assert.Contains(typeof(Application.Operations.GetInstanceStatus), UseCases);
    }

    [Fact]
    public void A_use_case_does_not_build_another_one()
    {
        // A use case that news another skips the container's scope (its clock, its caller): ask for it in the constructor.
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(SourceTree.Path("src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs") || f.EndsWith(".razor")).Where(SourceTree.IsHandWritten))
        {
            var text = File.ReadAllText(file);
            offenders.AddRange(UseCases.Where(u => text.Contains($"new {u.Name}(", StringComparison.Ordinal))
                .Select(u => $"{SourceTree.Relative(file)}: new {u.Name}(…)"));
        }
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Every_use_case_is_told_who_is_asking()
    {
        Assert.All(UseCases, t => Assert.Contains(t.GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(ICurrentUser)));
    }
}
