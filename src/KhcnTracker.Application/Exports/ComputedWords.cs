using System.Globalization;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Application.Exports;

/// <summary>A computed figure in the words of an export or a report (Vietnamese, vi-VN numbers).</summary>
public static class ComputedWords
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"Tính tự động từ: Chi ngân sách … = 330 (lào cai, lần 1); …".</summary>
    public static string InputsVi(ComputedFigure figure, IReadOnlyDictionary<string, Indicator> indicators) =>
        "Tính tự động từ: " + string.Join("; ", figure.Inputs.Select(i =>
            $"{indicators.GetValueOrDefault(i.IndicatorCode)?.NameVi ?? i.IndicatorCode} = {i.Value.ToString("#,##0.####", Vi)}"
            + (figure.IsCombined ? $" ({i.UnitCode}, lần {i.Revision})" : $" (lần {i.Revision})")));

    public static string? ProblemVi(ComputedFigure figure) => figure.Problem switch
    {
        ComputedProblem.DivisionByZero => "Không tính được: mẫu số bằng 0.",
        ComputedProblem.Overflow => "Không tính được: kết quả vượt quá giới hạn.",
        ComputedProblem.FormerUnitMissing => $"Không tính gộp được: chưa có số liệu được duyệt của {string.Join(", ", figure.MissingUnits)}.",
        _ => null,
    };
}
