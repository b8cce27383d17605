using System.Text.RegularExpressions;

namespace KhcnTracker.ArchitectureTests;

/// <summary>
/// One gate for access: a refusal is raised by <c>Application/Common/Access.cs</c> (and the caller scope beside it) and
/// nowhere else, so every rule of who may do what is read in one place and the API, the pages and the jobs share it.
/// </summary>
public sealed partial class GateTests
{
    /// <summary>The gate's own files, relative to the repository.</summary>
    private static readonly string[] Gate =
    [
        "src/KhcnTracker.Application/Common/Access.cs",
        "src/KhcnTracker.Application/Common/CallerScope.cs",
    ];

    [Fact]
    public void Access_is_refused_only_by_the_gate()
    {
        var offenders = Directory.EnumerateFiles(SourceTree.Path("src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".razor")).Where(SourceTree.IsHandWritten)
            .Where(f => !Gate.Contains(SourceTree.Relative(f).Replace('\\', '/')))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => Refusal().IsMatch(x.line))
            .Select(x => $"{SourceTree.Relative(x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "AccessDeniedException raised outside the gate (call a user.Ensure… method of Access instead):"
            + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void The_gate_files_exist()
    {
        // A gate file renamed would silently widen the rule above: each listed file must be there.
        Assert.All(Gate, file => Assert.True(File.Exists(SourceTree.Path(file)), file));
    }

    [Fact]
    public void The_rule_sees_a_refusal_written_outside_the_gate()
    {
        Assert.Matches(Refusal(), "        if (!user.IsAuthenticated) throw new AccessDeniedException();");
        Assert.Matches(Refusal(), "        ?? throw new Common.AccessDeniedException(\"no\");");
        Assert.Matches(Refusal(), "        var e = new AccessDeniedException();");
        Assert.DoesNotMatch(Refusal(), "        catch (AccessDeniedException e)");
        Assert.DoesNotMatch(Refusal(), "public sealed class AccessDeniedException(string message) : Exception(message);");
    }

    [GeneratedRegex(@"\bnew\s+([\w.]+\.)?AccessDeniedException\b|\bthrow\b.*\bAccessDeniedException\b")]
    private static partial Regex Refusal();
}
