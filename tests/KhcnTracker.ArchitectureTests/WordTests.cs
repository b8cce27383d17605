using System.Text.RegularExpressions;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Progress;

namespace KhcnTracker.ArchitectureTests;

/// <summary>
/// Types inside, words only at the edges: a value's, a task's or a target's progress status, a comparator, a measure and
/// a value's story event travel as the domain's enums; their words (<c>submitted</c>, <c>ge</c>, <c>percent</c>…) are read and written
/// only by the tables and converters below. A comparison with such a word anywhere else is a second copy of a fact that
/// can drift — the compiler cannot see it, this test does.
/// </summary>
public sealed class WordTests
{
    /// <summary>The edges: the words' tables, the API's converter, the audit trail's formats.</summary>
    private static readonly string[] Edges =
    [
        "src/KhcnTracker.Application/Catalogue/CatalogueWords.cs",
        "src/KhcnTracker.Application/Progress/ProgressWords.cs",
        "src/KhcnTracker.Web/Api/ApiWords.cs",
        "src/KhcnTracker.Application/Auditing/AuditEnumWords.cs",
        "src/KhcnTracker.Application/Auditing/AuditFormatV1.cs",
    ];

    /// <summary>The words themselves, from the tables (never a list typed here that could fall behind them).</summary>
    private static readonly string[] Words =
    [
        .. CatalogueWords.ValueStatus.All.Keys, .. CatalogueWords.TaskStatus.All.Keys, .. CatalogueWords.Comparator.All.Keys,
        .. CatalogueWords.Measure.All.Keys, .. CatalogueWords.ValueEvent.All.Keys, ListTasks.Overdue, .. ProgressWords.Status.All.Keys,
    ];

    private static readonly Regex Comparison = Compare(Words);

    [Fact]
    public void No_status_comparator_or_measure_word_is_compared_outside_the_edges()
    {
        var offenders = Directory.EnumerateFiles(SourceTree.Path("src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".razor")).Where(SourceTree.IsHandWritten)
            .Where(f => !Edges.Contains(SourceTree.Relative(f).Replace('\\', '/')))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && Comparison.IsMatch(x.line))
            .Select(x => $"{SourceTree.Relative(x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "Compare the domain's enum, not its word:" + Environment.NewLine + string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void The_edges_exist()
    {
        foreach (var edge in Edges) Assert.True(File.Exists(SourceTree.Path(edge)), edge);
    }

    [Theory]
    [InlineData("if (v.Status == \"submitted\") return;")]
    [InlineData("var late = \"approved\" != v.Status;")]
    [InlineData("i.Latest?.Status is not (\"submitted\" or \"approved\")")]
    [InlineData("Latest is { Status: \"returned\" } returned")]
    [InlineData("\"ge\" => $\"≥ {value}\",")]
    [InlineData("case \"percent\": break;")]
    [InlineData("string.Equals(unit, \"milestone\", StringComparison.Ordinal)")]
    [InlineData("_status == \"overdue\" ? a : b")]
    [InlineData("(p.Status == \"on_track\" ? 1 : 0)")]
    [InlineData("đã đạt: {c[\"achieved\"]}; đúng tiến độ")]
    [InlineData("\"needs_acceleration\" => Color.Warning,")]
    [InlineData("if (t.Status is \"not_enough_data\" or \"no_data\") return;")]
    public void A_compared_word_is_found(string line) => Assert.Matches(Comparison, line);

    [Theory]
    [InlineData("[\"ge\"] = Comparator.AtLeast,")]
    [InlineData("if (v.Status == ValueStatus.Submitted) return;")]
    [InlineData("var note = \"submitted on time\";")]
    [InlineData("L[\"ValueStatus.submitted\"]")]
    [InlineData("ProgressStatus.OnTrack => Color.Info,")]
    public void A_word_that_is_not_compared_is_left_alone(string line) => Assert.DoesNotMatch(Comparison, line);

    private static Regex Compare(IEnumerable<string> words)
    {
        var w = "\"(?:" + string.Join("|", words.Distinct().Select(Regex.Escape)) + ")\"";
        return new Regex(string.Join("|",
            $@"(?:==|!=)\s*{w}", $@"{w}\s*(?:==|!=)",                  // v == "submitted", "ge" != c
            $@"\b(?:is|or|and|not)\s+\(?\s*{w}",                          // is not ("submitted" or "approved")
            $@"[{{,]\s*\w+\s*:\s*(?:not\s+)?{w}",                         // { Status: "returned" }
            $@"{w}\s*=>", $@"\bcase\s+{w}",                               // switch arms
            $@"Equals\([^)]*{w}",                                          // string.Equals(x, "percent")
            $@"[\w)\]]\[\s*{w}\s*\]"), RegexOptions.Compiled);              // counts["achieved"] (a lookup by the word)
    }
}
