using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KhcnTracker.Application.Common;
using KhcnTracker.Application.Reports;

namespace KhcnTracker.Infrastructure.Reports;

/// <summary>
/// Lays the periodic report out after Decree 30/2020/NĐ-CP: issuing body top left, national name and motto top right,
/// number and the place-and-date line, the title, the sections, recipients and the signature block; A4, margins
/// 20/20/30/15 mm, a serif font that carries every Vietnamese diacritic (Noto Serif).
/// </summary>
internal static class R57DocxWriter
{
    public const string Font = "Noto Serif";
    private const int Size = 26; // half-points: 13 pt

    /// <summary>A label inside a sentence: "Đã đạt" → "đã đạt".</summary>
    private static string InSentence(string label) =>
        label.Length == 0 ? label : char.ToLower(label[0], CultureInfo.GetCultureInfo("vi-VN")) + label[1..];

    /// <summary>The report laid out, every fixed word from <paramref name="words"/> (<c>R57.Docx.*</c>, Vietnamese).</summary>
    public static byte[] Write(R57Report r, IDocumentWords words)
    {
        string W(string key, params object?[] arguments) => words.Text($"R57.Docx.{key}", arguments);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            var date = VietnamTime.Of(r.GeneratedAt);
            var province = r.ProvinceNameVi.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

            body.Append(TwoColumns(
                [P(W("Issuer"), bold: true, center: true), P(W("IssuerProvince", province), bold: true, center: true), P(W("Number"), center: true, before: 120)],
                [P(W("Nation"), bold: true, center: true, size: 24), P(W("Motto"), bold: true, center: true, underline: true),
                 P(W("PlaceDate", r.ProvinceNameVi, date.Day, date.Month, date.Year), italic: true, center: true, before: 120)],
                leftWidth: 3600));

            body.Append(P(W("Title"), bold: true, center: true, before: 360, size: 28));
            body.Append(P(W("Subject"), bold: true, center: true));
            body.Append(P(W("Period", r.PeriodName), bold: true, center: true));
            body.Append(P(W("AsOf", VietnamTime.Of(r.AsOf), r.Checksum), italic: true, center: true, size: 20, after: 240));
            if (r.FormerUnitNames.Count > 0)
                body.Append(P(W("FormerUnits", string.Join(", ", r.FormerUnitNames), r.ProvinceNameVi), italic: true));

            body.Append(Heading(W("Section1")));
            var counts = string.Join("; ", r.StatusCounts.Select(c => $"{InSentence(c.Label)}: {c.Count}"));
            body.Append(P(W("TargetTotals", r.Targets.Count, counts), justify: true));
            AppendText(body, r.Assessment, W("NoAssessment"));

            body.Append(Heading(W("Section2")));
            body.Append(Grid([W("Column.Number"), W("Column.Target"), W("Column.Aim"), W("Column.Latest"), W("Column.Assessment")], [700, 3600, 1900, 1900, 1500],
                r.Targets.Select(t => new[] { t.Number.ToString(CultureInfo.InvariantCulture), t.Indicator, t.Target, t.Latest, t.StatusLabel })));

            body.Append(Heading(W("Section3")));
            body.Append(P(W("TaskTotals", r.TaskCount, r.TasksDone.Count, r.TasksOverdue.Count), justify: true));
            string[] taskColumns = [W("Column.Number"), W("Column.Task"), W("Column.LeadAgency"), W("Column.Deadline"), W("Column.State")];
            body.Append(P(W("TasksDone"), bold: true));
            AppendTasks(body, taskColumns, r.TasksDone, W("NoTasksDone"));
            body.Append(P(W("TasksOverdue"), bold: true));
            AppendTasks(body, taskColumns, r.TasksOverdue, W("NoTasksOverdue"));

            body.Append(Heading(W("Section4")));
            body.Append(P(W("Difficulties"), bold: true));
            AppendText(body, r.Difficulties, W("NoContent"));
            body.Append(P(W("Proposals"), bold: true));
            AppendText(body, r.Proposals, W("NoContent"));

            body.Append(TwoColumns(
                [P(W("Recipients"), bold: true, italic: true, size: 24, before: 360), P(W("Recipient1"), size: 22),
                 P(W("Recipient2"), size: 22), P(W("Recipient3"), size: 22), P(W("Recipient4"), size: 22)],
                [P(W("OnBehalf"), bold: true, center: true, before: 360), P(W("Chair"), bold: true, center: true), P(" "), P(" "), P(" ")],
                leftWidth: 4800));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 720, Footer = 720, Gutter = 0 }));
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = Size.ToString(CultureInfo.InvariantCulture) }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "288", LineRule = LineSpacingRuleValues.Auto }))));
    }

    private static void AppendText(Body body, string? text, string whenEmpty)
    {
        var paragraphs = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paragraphs.Length == 0) body.Append(P(whenEmpty, italic: true));
        foreach (var paragraph in paragraphs) body.Append(P(paragraph, justify: true, indent: true));
    }

    private static void AppendTasks(Body body, string[] columns, IReadOnlyList<R57TaskRow> tasks, string whenEmpty)
    {
        if (tasks.Count == 0)
        {
            body.Append(P(whenEmpty, italic: true));
            return;
        }
        body.Append(Grid(columns, [700, 4200, 2200, 1100, 1400],
            tasks.Select(t => new[] { t.Number.ToString(CultureInfo.InvariantCulture), t.Name, t.LeadAgency, t.Deadline, t.Status })));
    }

    private static Paragraph Heading(string text) => P(text, bold: true, before: 240);

    private static Paragraph P(string text, bool bold = false, bool italic = false, bool underline = false, bool center = false,
        bool justify = false, bool indent = false, int? size = null, int before = 0, int after = 60)
    {
        var run = new RunProperties();
        if (bold) run.Append(new Bold());
        if (italic) run.Append(new Italic());
        if (underline) run.Append(new Underline { Val = UnderlineValues.Single });
        if (size is { } s) run.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
        var properties = new ParagraphProperties(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
        if (center) properties.Append(new Justification { Val = JustificationValues.Center });
        else if (justify) properties.Append(new Justification { Val = JustificationValues.Both });
        if (indent) properties.Append(new Indentation { FirstLine = "567" });
        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table TwoColumns(Paragraph[] left, Paragraph[] right, int leftWidth)
    {
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None })));
        table.Append(new TableRow(
            new TableCell(new TableCellProperties(new TableCellWidth { Width = leftWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa })) { },
            new TableCell(new TableCellProperties(new TableCellWidth { Width = (9355 - leftWidth).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }))));
        var cells = table.Elements<TableRow>().Single().Elements<TableCell>().ToList();
        cells[0].Append(left);
        cells[1].Append(right);
        return table;
    }

    private static Table Grid(string[] headers, int[] widths, IEnumerable<string[]> rows)
    {
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border()));
        table.Append(Row(headers, widths, header: true));
        foreach (var row in rows) table.Append(Row(row, widths, header: false));
        return table;
    }

    private static TableRow Row(string[] cells, int[] widths, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Length; i++)
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                P(cells[i], bold: header, center: header || i == 0, size: 22, after: 0)));
        return row;
    }
}
