namespace KhcnTracker.Domain.Tests;

/// <summary>One shipped indicator of each measure the rules tests check (read only: no test changes them).</summary>
internal static class SampleIndicators
{
    public static readonly Indicator Percent = Samples.Indicator(Measure.Percent, code: "digital-economy-grdp-share");
    public static readonly Indicator PercentOver100 = Samples.Indicator(Measure.Percent, allowsOver100: true, code: "rd-spending-growth");
    public static readonly Indicator Count = Samples.Indicator(Measure.Count, code: "patents");
    public static readonly Indicator Rank = Samples.Indicator(Measure.Rank, code: "pci-rank");
    public static readonly Indicator Milestone = Samples.Indicator(Measure.Milestone, code: "data-centre-opened");
    public static readonly Indicator Per10000 = Samples.Indicator(Measure.Per10000, code: "researchers-per-10000");
}
