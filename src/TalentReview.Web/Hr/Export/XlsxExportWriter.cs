using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TalentReview.Web.Hr.Export;

/// <summary>
/// A workbook with one worksheet per table: a bold, frozen header row with filters, column widths, numbers
/// stored as numbers and dates as dates (shown in the reader's own date format). Text is stored as inline
/// strings, so nothing is evaluated as a formula.
/// </summary>
public static class XlsxExportWriter
{
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateTimeStyle = 3;

    public static byte[] Write(IReadOnlyList<ExportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Stylesheet();
            var sheets = new Sheets();
            var filters = new DefinedNames();
            for (var index = 0; index < tables.Count; index++)
            {
                var table = tables[index];
                var worksheet = workbook.AddNewPart<WorksheetPart>();
                var range = $"A1:{ColumnName(table.Columns.Count - 1)}{table.Rows.Count + 1}";
                worksheet.Worksheet = Sheet(table, range);
                var name = SheetName(table.Name);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = (uint)index + 1, Name = name });

                // Excel records a sheet's filter range under this hidden name; without it some versions drop the filter.
                filters.Append(new DefinedName($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!{Absolute(range)}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)index,
                    Hidden = true,
                });
            }

            workbook.Workbook.Append(sheets, filters);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Sheet(ExportTable table, string range)
    {
        var columns = new Columns();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = table.Columns[i].Width, CustomWidth = true });
        }

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (var i = 0; i < table.Columns.Count; i++)
        {
            header.Append(TextCell(Reference(i, 1), table.Columns[i].Header, HeaderStyle));
        }

        data.Append(header);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var index = (uint)r + 2;
            var row = new Row { RowIndex = index };
            var values = table.Rows[r];
            for (var i = 0; i < values.Count; i++)
            {
                if (Cell(Reference(i, index), values[i]) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        return new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
            columns,
            data,
            new AutoFilter { Reference = range });
    }

    private static Cell? Cell(string reference, object? value) => value switch
    {
        null => null,
        string text => TextCell(reference, text, 0),
        DateOnly date => NumberCell(reference, date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle),
        DateTime moment => NumberCell(reference, moment.ToOADate(), DateTimeStyle),
        int number => NumberCell(reference, number, 0),
        decimal number => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number) },
        _ => TextCell(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, 0),
    };

    private static Cell NumberCell(string reference, double number, uint style)
        => new() { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number), StyleIndex = style };

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static string Reference(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static string Absolute(string range)
        => string.Join(':', range.Split(':').Select(cell => "$" + string.Concat(cell.TakeWhile(char.IsLetter)) + "$" + string.Concat(cell.SkipWhile(char.IsLetter))));

    /// <summary>Sheet names are at most 31 characters, without <c>[]:*?/\</c>.</summary>
    private static string SheetName(string name)
    {
        var clean = string.Concat(name.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0));
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Built-in number formats 14 (short date) and 22 (date and time) follow the reader's own locale in Excel.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true }) { Count = 4 });
}
