using System.Text.RegularExpressions;
using KhcnTracker.Infrastructure.Catalogue;

namespace KhcnTracker.IntegrationTests.Catalogue;

/// <summary>The shipped data files against the source texts they were written from.</summary>
public sealed partial class CatalogueDataTests
{
    private static readonly CatalogueFiles Files = CatalogueFiles.ReadShipped();
    private static readonly string SourcesFolder = Path.Combine(AppContext.BaseDirectory, "Catalogue", "Sources");

    [Fact]
    public void EveryQuoteIsFoundInItsSourceFile()
    {
        var quotes = Files.Targets.Select(t => (Kind: $"target {t.Unit}/{t.Indicator}/{t.Year}", t.SourceFile, t.Quote))
            .Concat(Files.Tasks.Select(t => (Kind: $"task {t.Document}#{t.Number}", t.SourceFile, t.Quote)))
            .ToList();
        var texts = new Dictionary<string, string>();
        var missing = new List<string>();
        foreach (var (kind, file, quote) in quotes)
        {
            Assert.False(string.IsNullOrWhiteSpace(file), $"{kind} names no source file");
            Assert.False(string.IsNullOrWhiteSpace(quote), $"{kind} has no quote");
            if (!texts.TryGetValue(file!, out var text))
                texts[file!] = text = Collapse(File.ReadAllText(Path.Combine(SourcesFolder, file!)));
            if (!text.Contains(Collapse(quote!), StringComparison.Ordinal)) missing.Add($"{kind}: “{quote}”");
        }
        Assert.True(missing.Count == 0, "Quotes not found in their source:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("laocai", "digital-economy-grdp-share", 2030, "ge", 20.0, null)]
    [InlineData("laocai", "digital-economy-grdp-share", 2045, "gt", 40.0, null)]
    [InlineData("vinhphuc", "non-cash-payment-share", 2030, "between", 80.0, 85.0)]
    [InlineData("vinhphuc", "rd-staff-per-10000", 2025, "ge", 10.0, null)]
    [InlineData("vinhphuc", "rd-staff-per-10000", 2030, "ge", 12.0, null)]
    public void TheSeedsHeadlineTargetsAreThereWithTheirValues(string unit, string indicator, int year, string comparator, double value, double? valueMax)
    {
        var target = Assert.Single(Files.Targets, t => t.Unit == unit && t.Indicator == indicator && t.Year == year);
        Assert.Equal(comparator, target.Comparator);
        Assert.Equal((decimal)value, target.Value);
        Assert.Equal(valueMax is null ? null : (decimal)valueMax, target.ValueMax);
    }

    [Fact]
    public void AllThreeProvincesCommitAtLeastThreePercentOfTheirBudget()
    {
        var budget = Files.Targets.Where(t => t.Indicator == "budget-khcn-dmst-cds-share" && t.Comparator == "ge" && t.Value == 3m)
            .Select(t => t.Unit).ToHashSet();
        Assert.Superset(new HashSet<string> { "vinhphuc", "laocai", "quangtri" }, budget);
    }

    [Fact]
    public void Decision843HasAll87TasksWithTheirLeadAgenciesAndTimeframes()
    {
        var tasks = Files.Tasks.Where(t => t.Document == "vinhphuc-qd843").ToList();
        Assert.Equal(Enumerable.Range(1, 87), tasks.Select(t => t.Number).Order());
        var agencies = Files.Agencies.Where(a => a.Unit == "vinhphuc").Select(a => a.Code).ToHashSet();
        Assert.All(tasks, t =>
        {
            Assert.Contains(t.LeadAgency, agencies);
            Assert.InRange(t.StartYear, 2023, 2030);
            Assert.InRange(t.EndYear, t.StartYear, 2030);
        });
    }

    [Fact]
    public void EveryTargetIsAboutAKnownDocumentUnitAndIndicatorAndNoneIsListedTwice()
    {
        var documents = Files.Documents.Select(d => d.Code).ToHashSet();
        var units = Files.Units.Select(u => u.Code).ToHashSet();
        var indicators = Files.Indicators.Select(i => i.Code).ToHashSet();
        Assert.All(Files.Targets, t =>
        {
            Assert.Contains(t.Document, documents);
            Assert.Contains(t.Unit, units);
            Assert.Contains(t.Indicator, indicators);
        });
        var duplicates = Files.Targets.GroupBy(t => (t.Document, t.Unit, t.Indicator, t.Year)).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
        Assert.Contains(Files.Targets, t => t.Unit == "vn" && t.Document == "nq57-tw");
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
