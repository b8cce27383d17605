using System.Globalization;
using KhcnTracker.Application.Progress;

namespace KhcnTracker.Application.Reports;

/// <summary>A target as the official report writes it, in Vietnamese: "≥ 20 % (2030)", "80–85 %", "trong nhóm 15 dẫn đầu".</summary>
public static class TargetWording
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(decimal? value) => value?.ToString("#,##0.####", Vi) ?? "";

    public static string Unit(string measure) => measure switch
    {
        "percent" => " %", "per-10000" => " /vạn dân", "money" => " triệu đồng", _ => "",
    };

    public static string Target(TargetProgress t)
    {
        var unit = Unit(t.Indicator.Unit);
        var text = t.Growth is { } g
            ? g.Mode == "multiple" ? $"gấp {Number(t.Value)} lần so với {Period(g)}" : $"tăng {Number(t.Value)} % so với {Period(g)}"
            : t.Comparator switch
            {
                "ge" => $"≥ {Number(t.Value)}{unit}", "gt" => $"> {Number(t.Value)}{unit}", "le" => $"≤ {Number(t.Value)}{unit}",
                "lt" => $"< {Number(t.Value)}{unit}", "eq" => $"= {Number(t.Value)}{unit}", "between" => $"{Number(t.Value)}–{Number(t.ValueMax)}{unit}",
                "top" => $"trong nhóm {Number(t.Value)} dẫn đầu", "milestone" => "hoàn thành", _ => t.Comparator,
            };
        return $"{text} (năm {t.TargetYear})";
    }

    public static string Latest(TargetProgress t) => t.LatestValue is not { } v
        ? "Chưa có số liệu"
        : t.Indicator.Unit == "milestone" ? (v == 1 ? "Đã hoàn thành" : "Chưa hoàn thành") : $"{Number(v)}{Unit(t.Indicator.Unit)} ({PeriodName(t.LatestPeriod!)})";

    public static string PeriodName(string period) =>
        period.EndsWith("-H1", StringComparison.Ordinal) ? $"6 tháng đầu năm {period[..4]}" : $"năm {period}";

    private static string Period(Catalogue.GrowthView g) => g.FromYear == g.ToYear ? $"năm {g.FromYear}" : $"giai đoạn {g.FromYear}–{g.ToYear}";
}
