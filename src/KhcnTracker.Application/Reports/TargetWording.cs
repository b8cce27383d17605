using System.Globalization;
using KhcnTracker.Application.Progress;

namespace KhcnTracker.Application.Reports;

/// <summary>A target as the official report writes it, in Vietnamese: "≥ 20 % (năm 2030)", "80–85 %", "trong nhóm 15 dẫn đầu".</summary>
public static class TargetWording
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The official report's words for <see cref="TargetPhrase"/>.</summary>
    public static readonly TargetPhraseWords Official = new(Vi, Per10000: "/vạn dân", Money: "triệu đồng",
        GrowthMultiple: "gấp {0} lần so với {1}", GrowthPercent: "tăng {0} % so với {1}", Top: "trong nhóm {0} dẫn đầu",
        Milestone: "hoàn thành", BaseYear: "năm {0}", BaseRange: "giai đoạn {0}–{1}");

    public static string Number(decimal? value) => TargetPhrase.Number(value, Vi);

    public static string Target(TargetProgress t) =>
        $"{TargetPhrase.Of(t.Comparator, t.Value, t.ValueMax, t.Growth, t.Indicator.Unit, Official)} (năm {t.TargetYear})";

    public static string Latest(TargetProgress t) => t.LatestValue is not { } v
        ? "Chưa có số liệu"
        : t.Indicator.Unit == Measure.Milestone ? (v == 1 ? "Đã hoàn thành" : "Chưa hoàn thành")
        : $"{Number(v)}{TargetPhrase.Suffix(t.Indicator.Unit, Official)} ({PeriodName(t.LatestPeriod!)})";

    public static string PeriodName(string period) =>
        period.EndsWith("-H1", StringComparison.Ordinal) ? $"6 tháng đầu năm {period[..4]}" : $"năm {period}";
}
