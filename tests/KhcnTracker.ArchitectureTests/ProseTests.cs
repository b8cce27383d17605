using System.Text.RegularExpressions;

namespace KhcnTracker.ArchitectureTests;

/// <summary>
/// Codes, not prose, in Application and Infrastructure: a string literal there holds no Vietnamese letter (a letter
/// with a diacritic, or đ/Đ). The words a person reads are resources (SharedResource.resx / .en.resx) put in by Web
/// — a refusal through <c>ErrorText</c>, an import error through <c>ImportErrorText</c>, Identity's refusals through
/// <c>LocalizedIdentityErrors</c>. Comments may quote Vietnamese; only literals count. The allow-list names each file
/// that still prints Vietnamese on purpose, with the reason; it can only shrink (a listed file with no Vietnamese fails).
/// </summary>
public sealed partial class ProseTests
{
    private static readonly Dictionary<string, string> Allowed = new()
    {
        // Data, not prose: a file format and seed data.
        ["src/KhcnTracker.Application/Reporting/Import/ValueFileColumns.cs"] =
            "the values template is a Vietnamese file format: its sheet and header names are checked on reading, the guide lines belong to it",
        ["src/KhcnTracker.Infrastructure/Identity/DemoAccounts.cs"] = "seed data: the demo people's display names",
    };

    [Fact]
    public void Application_and_Infrastructure_literals_hold_no_Vietnamese_letters_outside_the_allow_list()
    {
        var found = Files().Where(f => !Allowed.ContainsKey(f.Path))
            .SelectMany(f => VietnameseLiterals(f.Text).Select(l => $"{f.Path}: {l}"))
            .ToList();
        Assert.True(found.Count == 0, "Vietnamese prose in a string literal (give it a code and a resource text instead):"
            + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void Every_allowed_file_exists_and_still_needs_its_place()
    {
        var withProse = Files().Where(f => VietnameseLiterals(f.Text).Any()).Select(f => f.Path).ToHashSet();
        var stale = Allowed.Keys.Where(p => !withProse.Contains(p)).ToList();
        Assert.True(stale.Count == 0, "allowed but holding no Vietnamese literal (remove from the list): " + string.Join(", ", stale));
    }

    [Fact]
    public void The_scan_sees_literals_and_skips_comments()
    {
        const string code = """"
            /// <summary>“Giá trị” in a comment</summary>
            var a = "plain"; // "Số liệu" in a comment
            /* "Nhiệm vụ" */ var b = $"Tệp {x} lớn"; var c = @"Kỳ ""báo cáo""";
            """";
        Assert.Equal(["\"Tệp {x} lớn\"", "@\"Kỳ \"\"báo cáo\"\"\""], VietnameseLiterals(code));
    }

    private static IEnumerable<(string Path, string Text)> Files() =>
        new[] { "src/KhcnTracker.Application", "src/KhcnTracker.Infrastructure" }
            .SelectMany(dir => Directory.EnumerateFiles(SourceTree.Path(dir), "*.cs", SearchOption.AllDirectories))
            .Where(SourceTree.IsHandWritten)
            .Select(f => (SourceTree.Relative(f).Replace('\\', '/'), File.ReadAllText(f)));

    /// <summary>The literals (regular, verbatim, raw; the text parts of interpolated ones) holding a Vietnamese letter.</summary>
    internal static List<string> VietnameseLiterals(string code) =>
        Token().Matches(code).Select(m => m.Value)
            .Where(t => !t.StartsWith("//", StringComparison.Ordinal) && !t.StartsWith("/*", StringComparison.Ordinal) && Vietnamese().IsMatch(t))
            .ToList();

    [GeneratedRegex("""
        //[^\n]*|/\*.*?\*/|"{3,}.*?"{3,}|@"(?:[^"]|"")*"|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])'
        """, RegexOptions.Singleline)]
    private static partial Regex Token();

    /// <summary>Latin letters with a diacritic (À–ỹ, which covers every Vietnamese vowel with its marks) and đ/Đ.</summary>
    [GeneratedRegex("[À-ÖØ-öø-ɏḀ-ỹ]")]
    private static partial Regex Vietnamese();
}
