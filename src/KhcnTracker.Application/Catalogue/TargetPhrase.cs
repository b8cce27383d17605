using System.Globalization;

namespace KhcnTracker.Application.Catalogue;

/// <summary>
/// The words a target's phrase is made of, in one language: the pages take them from the resources
/// (<c>TargetText</c>), the official report has its own (<see cref="Reports.TargetWording"/>). Formats take
/// <c>{0}</c> (the figure) and <c>{1}</c> (the base period); <see cref="BaseYear"/> and <see cref="BaseRange"/> the years.
/// </summary>
public sealed record TargetPhraseWords(
    CultureInfo Culture, string Per10000, string Money, string GrowthMultiple, string GrowthPercent, string Top, string Milestone,
    string BaseYear, string BaseRange);

/// <summary>
/// The one phrase builder of a target, as a reader says it: "≥ 20 %", "80–85 %", "trong nhóm 15 dẫn đầu",
/// "tăng 30 % so với 2021–2025" — for the pages and the official report alike, each in its words.
/// </summary>
public static class TargetPhrase
{
    public static string Number(decimal? value, CultureInfo culture) => value?.ToString("#,##0.####", culture) ?? "";

    /// <summary>What follows a figure of the measure: " %", " /10.000 dân", " triệu đồng", or nothing.</summary>
    public static string Suffix(Measure measure, TargetPhraseWords words) => measure switch
    {
        Measure.Percent => " %",
        Measure.Per10000 => " " + words.Per10000,
        Measure.Money => " " + words.Money,
        _ => "",
    };

    public static string Of(Comparator comparator, decimal? value, decimal? valueMax, GrowthView? growth, Measure measure, TargetPhraseWords words)
    {
        var culture = words.Culture;
        string N(decimal? v) => Number(v, culture);
        if (growth is { } g)
        {
            var basePeriod = g.FromYear == g.ToYear
                ? string.Format(culture, words.BaseYear, g.FromYear)
                : string.Format(culture, words.BaseRange, g.FromYear, g.ToYear);
            var multiple = CatalogueWords.Growth.TryParse(g.Mode, out var mode) && mode == GrowthMode.Multiple;
            return string.Format(culture, multiple ? words.GrowthMultiple : words.GrowthPercent, N(value), basePeriod);
        }
        var unit = Suffix(measure, words);
        return comparator switch
        {
            Comparator.AtLeast => $"≥ {N(value)}{unit}",
            Comparator.MoreThan => $"> {N(value)}{unit}",
            Comparator.AtMost => $"≤ {N(value)}{unit}",
            Comparator.LessThan => $"< {N(value)}{unit}",
            Comparator.EqualTo => $"= {N(value)}{unit}",
            Comparator.Between => $"{N(value)}–{N(valueMax)}{unit}",
            Comparator.RankWithinTop => string.Format(culture, words.Top, N(value)),
            _ => words.Milestone,
        };
    }
}
