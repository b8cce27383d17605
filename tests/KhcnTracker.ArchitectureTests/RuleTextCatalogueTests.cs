using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace KhcnTracker.ArchitectureTests;

/// <summary>
/// One rule-text catalogue: every refusal code raised anywhere in src (a domain guard, a validator's error code, a
/// "not found", a conflict, an application or infrastructure refusal) has a non-empty text <c>Rule.{code}</c> in both
/// SharedResource.resx (Vietnamese) and SharedResource.en.resx (English). A code without a text would show a person the
/// fallback message of the code's author, in whatever language that was.
/// </summary>
public sealed partial class RuleTextCatalogueTests
{
    [Fact]
    public void The_scan_finds_the_codes_of_every_kind_of_refusal()
    {
        var codes = RaisedCodes().Select(c => c.Code).ToHashSet();

        // One of each raiser, so a scan that silently stops matching fails here rather than passing on nothing.
        Assert.Contains("value.empty", codes);               // DomainException in the domain
        Assert.Contains("target.value-missing", codes);      // the domain's Fail helper
        Assert.Contains("indicator.name-missing", codes);    // RequireText
        Assert.Contains("catalogue.duplicate", codes);       // RuleViolation in the application
        Assert.Contains("not-found.unit", codes);            // NotFoundException
        Assert.Contains("not-found.value", codes);           // Access.Readable
        Assert.Contains("conflict.changed", codes);          // ConcurrencyConflictException
        Assert.Contains("evidence.empty", codes);            // an infrastructure refusal
        Assert.Contains("pdf.busy", codes);                  // the PDF queue
        Assert.Contains("text.too-long", codes);             // a code kept in a constant (TextLimits.TooLong)
        Assert.True(codes.Count > 120, $"only {codes.Count} codes found");
    }

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.en.resx")]
    public void Every_raised_code_has_a_text(string resourceFile)
    {
        var texts = Texts(resourceFile);
        var missing = RaisedCodes()
            .Where(c => !texts.TryGetValue($"Rule.{c.Code}", out var text) || string.IsNullOrWhiteSpace(text))
            .Select(c => $"Rule.{c.Code} ({c.Where})")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, $"{resourceFile} has no text for:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    [Fact]
    public void A_text_takes_no_more_arguments_than_its_code_is_raised_with_somewhere()
    {
        // "{0}" in one language and not in the other would print a raw brace pair or drop a fact.
        var vi = Texts("SharedResource.resx");
        var en = Texts("SharedResource.en.resx");
        var differing = vi.Keys.Where(k => k.StartsWith("Rule.", StringComparison.Ordinal) && en.ContainsKey(k))
            .Where(k => !Placeholders(vi[k]).SetEquals(Placeholders(en[k])))
            .ToList();
        Assert.True(differing.Count == 0, "placeholders differ between the languages: " + string.Join(", ", differing));
    }

    internal static IReadOnlyList<(string Code, string Where)> RaisedCodes() =>
        Directory.EnumerateFiles(SourceTree.Path("src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".razor")).Where(SourceTree.IsHandWritten)
            .SelectMany(file => Raised().Matches(File.ReadAllText(file))
                .Select(m => (m.Groups["code"].Value, SourceTree.Relative(file))))
            .ToList();

    private static Dictionary<string, string> Texts(string resourceFile) =>
        XDocument.Load(SourceTree.Path(Path.Combine("src", "KhcnTracker.Web", "Resources", resourceFile)))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>
    /// A code literal (<c>area.rule-name</c>) kept in a constant, or as an argument of a call that raises or builds a
    /// refusal; the literals before it in the call may only be field names (no dot), so a message's text never counts.
    /// </summary>
    [GeneratedRegex("""
        \bconst\s+string\s+\w+\s*=\s*"(?<code>[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)"|\b(?:return|DomainException|RuleViolation|NotFoundException|ConcurrencyConflictException|AccessDeniedException|Refusal|WithErrorCode|Fail|RequireText|Missing|Rejected|Refused|Readable|Of)\s*\((?:[^";{}]|"[^".]*")*?"(?<code>[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)"
        """)]
    private static partial Regex Raised();

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex Placeholder();
}
