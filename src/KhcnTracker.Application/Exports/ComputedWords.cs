using System.Globalization;
using KhcnTracker.Application.Common;
using KhcnTracker.Domain.Catalogue;
using KhcnTracker.Domain.Reporting;

namespace KhcnTracker.Application.Exports;

/// <summary>A computed figure in the words of an export or a report (<c>Export.Computed.*</c>, vi-VN numbers).</summary>
public static class ComputedWords
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"Computed from: the indicator = 330 (the unit, revision 1); …", in the document's words.</summary>
    public static string Inputs(ComputedFigure figure, IReadOnlyDictionary<string, Indicator> indicators, IDocumentWords words) =>
        words.Text("Export.Computed.Inputs", string.Join("; ", figure.Inputs.Select(i =>
        {
            var name = indicators.GetValueOrDefault(i.IndicatorCode)?.NameVi ?? i.IndicatorCode;
            var value = i.Value.ToString("#,##0.####", Vi);
            return figure.IsCombined
                ? words.Text("Export.Computed.CombinedInput", name, value, i.UnitCode, i.Revision)
                : words.Text("Export.Computed.Input", name, value, i.Revision);
        })));

    public static string? Problem(ComputedFigure figure, IDocumentWords words) => figure.Problem switch
    {
        ComputedProblem.DivisionByZero => words.Text("Export.Computed.DivisionByZero"),
        ComputedProblem.Overflow => words.Text("Export.Computed.Overflow"),
        ComputedProblem.FormerUnitMissing => words.Text("Export.Computed.FormerUnitMissing", string.Join(", ", figure.MissingUnits)),
        _ => null,
    };
}
