using System.IO.Compression;
using System.Security;

namespace KhcnTracker.IntegrationTests.Reporting;

/// <summary>
/// A minimal XLSX written cell by cell, for what a template writer never produces and people's Excel files do:
/// formulas (with the value Excel cached), merged cells, text where a number belongs.
/// </summary>
internal static class HandMadeWorkbook
{
    /// <summary>A cell: text, a number, or a formula with its cached result.</summary>
    public sealed record Cell(string Ref, string? Text = null, double? Number = null, string? Formula = null);

    public static byte[] Create(IReadOnlyList<Cell> data, IReadOnlyList<string> merges, IReadOnlyList<Cell> guide)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                  <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                  <Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                </Types>
                """);
            Write(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>
                """);
            Write(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                  <sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/><sheet name="Hướng dẫn" sheetId="2" r:id="rId2"/></sheets>
                </workbook>
                """);
            Write(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>
                </Relationships>
                """);
            Write(zip, "xl/worksheets/sheet1.xml", Sheet(data, merges));
            Write(zip, "xl/worksheets/sheet2.xml", Sheet(guide, []));
        }
        return buffer.ToArray();
    }

    private static string Sheet(IReadOnlyList<Cell> cells, IReadOnlyList<string> merges)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        foreach (var row in cells.GroupBy(c => int.Parse(c.Ref[1..])).OrderBy(g => g.Key))
        {
            xml.Append($"<row r=\"{row.Key}\">");
            foreach (var c in row.OrderBy(c => c.Ref))
            {
                if (c.Formula is not null)
                    xml.Append($"<c r=\"{c.Ref}\"><f>{SecurityElement.Escape(c.Formula)}</f><v>{c.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                else if (c.Number is { } n)
                    xml.Append($"<c r=\"{c.Ref}\"><v>{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                else
                    xml.Append($"<c r=\"{c.Ref}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(c.Text)}</t></is></c>");
            }
            xml.Append("</row>");
        }
        xml.Append("</sheetData>");
        if (merges.Count > 0)
            xml.Append($"<mergeCells count=\"{merges.Count}\">{string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))}</mergeCells>");
        return xml.Append("</worksheet>").ToString();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content.Trim());
    }
}
