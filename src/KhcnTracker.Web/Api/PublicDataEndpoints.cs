using System.Globalization;
using System.Text;
using KhcnTracker.Application.Catalogue;
using KhcnTracker.Application.Exports;
using KhcnTracker.Application.Progress;
using KhcnTracker.Application.Public;
using KhcnTracker.Domain.Catalogue;
using Microsoft.Extensions.Localization;

namespace KhcnTracker.Web.Api;

/// <summary>
/// The open data behind the open pages, for anyone: a province's approved values of its published indicators as CSV and
/// JSON, the whole open dataset as SDMX-CSV (as Open SDG's sdg-build writes it) with its data dictionary, and the sitemap
/// for search engines. Not part of the signed-in API (no token, not in the OpenAPI document).
/// </summary>
public static class PublicDataEndpoints
{
    public const string Dataflow = "KHCNTRACKER:DF_NQ57(1.0)";

    public static void MapPublicData(this WebApplication app)
    {
        var data = app.MapGroup("/public/data").ExcludeFromDescription();
        data.MapGet("/open.sdmx.csv", async (ListOpenData q, CancellationToken ct) =>
            Results.Text(Sdmx(await q.HandleAsync(null, ct)), "text/csv; charset=utf-8"));
        data.MapGet("/dictionary.csv", (IStringLocalizer<SharedResource> L) =>
            Results.File(Dictionary(L), "text/csv; charset=utf-8", "tu-dien-du-lieu.csv"));
        data.MapGet("/{file}", async (string file, ListOpenData q, CancellationToken ct) =>
        {
            var (unit, format) = (Path.GetFileNameWithoutExtension(file), Path.GetExtension(file));
            if (format is not (".csv" or ".json")) return Results.NotFound();
            var rows = await q.HandleAsync(unit, ct);
            return format == ".json"
                ? Results.Json(rows.Select(Json))
                : Results.File(CsvText.Write(Columns, rows.Select(Row).ToList()), "text/csv; charset=utf-8", $"{unit}.csv");
        });
        app.MapGet("/sitemap.xml", async (GetPublicNational national, HttpRequest request, CancellationToken ct) =>
            Results.Text(await SitemapAsync($"{request.Scheme}://{request.Host}{request.PathBase}", national, ct), "application/xml; charset=utf-8"))
            .ExcludeFromDescription();
        app.MapGet("/robots.txt", (HttpRequest request) =>
            Results.Text($"User-agent: *\nAllow: /public\nDisallow: /\nSitemap: {request.Scheme}://{request.Host}{request.PathBase}/sitemap.xml\n", "text/plain"))
            .ExcludeFromDescription();
    }

    private static readonly string[] Columns = ["area", "area_name", "indicator", "indicator_name", "period", "value", "unit_measure", "approved_at"];

    private static IReadOnlyList<object?> Row(OpenObservation o) =>
        [o.Area, o.AreaNameVi, o.Indicator, o.IndicatorNameVi, o.Period, o.Value, CatalogueWords.Measure.Format(o.Measure), o.ApprovedAt];

    private static object Json(OpenObservation o) => new
    {
        area = o.Area, areaNameVi = o.AreaNameVi, areaNameEn = o.AreaNameEn, indicator = o.Indicator, indicatorNameVi = o.IndicatorNameVi,
        indicatorNameEn = o.IndicatorNameEn, period = o.Period, value = o.Value, unitMeasure = CatalogueWords.Measure.Format(o.Measure),
        approvedAt = o.ApprovedAt,
    };

    /// <summary>SDMX-CSV: the dataflow, the dimensions (indicator, area, period as SDMX writes it: 2025, 2025-S1), the value, its unit.</summary>
    private static string Sdmx(IReadOnlyList<OpenObservation> rows)
    {
        var text = new StringBuilder("DATAFLOW,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE\r\n");
        foreach (var o in rows)
            text.Append(Dataflow).Append(',').Append(o.Indicator).Append(',').Append(o.Area).Append(',')
                .Append(o.Period.Replace("-H", "-S", StringComparison.Ordinal)).Append(',')
                .Append(o.Value.ToString("0.############", CultureInfo.InvariantCulture)).Append(',')
                .Append(CatalogueWords.Measure.Format(o.Measure)).Append("\r\n");
        return text.ToString();
    }

    /// <summary>Every column of the open files in both languages: what it holds and how it is written.</summary>
    private static byte[] Dictionary(IStringLocalizer<SharedResource> L)
    {
        string[] columns = [.. Columns, "DATAFLOW", "INDICATOR", "REF_AREA", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE"];
        return CsvText.Write(["column", "meaning_vi", "meaning_en"], columns.Select(c => (IReadOnlyList<object?>)
            [c, In(L, Hosting.Localization.Vietnamese, $"OpenData.{c}"), In(L, Hosting.Localization.English, $"OpenData.{c}")]).ToList());
    }

    /// <summary>A text in the language given, whatever the request's (the dictionary holds both).</summary>
    private static string In(IStringLocalizer L, string culture, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return L[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The national page, and each province's page and published indicators' pages (the national view's cells).</summary>
    private static async Task<string> SitemapAsync(string root, GetPublicNational national, CancellationToken ct)
    {
        var pages = new List<string> { "/public" };
        foreach (var province in (await national.HandleAsync(ct)).Provinces.Where(p => p.Cells.Count > 0))
        {
            pages.Add($"/public/{province.Unit.Code}");
            pages.AddRange(province.Cells.Select(c => $"/public/{province.Unit.Code}/{c.IndicatorCode}"));
        }
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var page in pages.Distinct()) xml.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape(root + page)).Append("</loc></url>\n");
        return xml.Append("</urlset>\n").ToString();
    }
}
