using System.Globalization;
using KhcnTracker.Application.Progress;

namespace KhcnTracker.Application.Reports;

/// <summary>
/// A target as the official report writes it, in Vietnamese: "≥ 20 % (năm 2030)", "80–85 %", "trong nhóm 15 dẫn đầu" —
/// <see cref="TargetPhrase"/> with the report's words (<c>R57.Phrase.*</c>, <c>R57.*</c>).
/// </summary>
internal sealed class TargetWording(IDocumentWords words)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The official report's words for <see cref="TargetPhrase"/>.</summary>
    private readonly TargetPhraseWords _official = new(Vi, Per10000: words.Text("R57.Phrase.Per10000"), Money: words.Text("R57.Phrase.Money"),
        GrowthMultiple: words.Text("R57.Phrase.GrowthMultiple"), GrowthPercent: words.Text("R57.Phrase.GrowthPercent"), Top: words.Text("R57.Phrase.Top"),
        Milestone: words.Text("R57.Phrase.Milestone"), BaseYear: words.Text("R57.Phrase.BaseYear"), BaseRange: words.Text("R57.Phrase.BaseRange"));

    public static string Number(decimal? value) => TargetPhrase.Number(value, Vi);

    public string Target(TargetProgress t) =>
        words.Text("R57.Target", TargetPhrase.Of(t.Comparator, t.Value, t.ValueMax, t.Growth, t.Indicator.Unit, _official), t.TargetYear);

    public string Latest(TargetProgress t) => t.LatestValue is not { } v
        ? words.Text("R57.NoData")
        : t.Indicator.Unit == Measure.Milestone ? words.Text(v == 1 ? "R57.MilestoneDone" : "R57.MilestoneNotDone")
        : words.Text("R57.Latest", Number(v), TargetPhrase.Suffix(t.Indicator.Unit, _official), PeriodName(t.LatestPeriod!));

    public string PeriodName(string period) =>
        period.EndsWith("-H1", StringComparison.Ordinal) ? words.Text("R57.Period.FirstHalf", period[..4]) : words.Text("R57.Period.Year", period);
}
