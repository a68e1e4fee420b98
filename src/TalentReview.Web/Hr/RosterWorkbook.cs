using System.Globalization;
using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TalentReview.Domain.Rosters;

namespace TalentReview.Web.Hr;

/// <summary>
/// An Excel roster (.xlsx, its first worksheet) imported through the CSV import, row for row: the sheet's row N is the
/// CSV's line N, so every problem names the row HR sees in Excel, and a workbook passes the same checks (and fills the
/// same row model, with any column the CSV reads) as a CSV file. Typed cells become the text a CSV would hold: dates
/// as yyyy-MM-dd, numbers in invariant digits.
/// </summary>
public static class RosterWorkbook
{
    /// <summary>Built-in number formats Excel shows as dates (ECMA-376 18.8.30).</summary>
    private static readonly HashSet<uint> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47];

    /// <summary>An XLSX file is a ZIP package: it starts with the local file header's signature.</summary>
    public static bool IsWorkbook(ReadOnlySpan<byte> bytes) => bytes is [0x50, 0x4B, 0x03, 0x04, ..];

    public static RosterImportResult Import(byte[] bytes)
    {
        var (csv, problem) = ReadAsCsv(bytes);
        return csv is null ? new RosterImportResult(null, [problem!]) : RosterImport.FromCsv(csv);
    }

    /// <summary>The first sheet as CSV text, line N for row N; or why it cannot be read.</summary>
    public static (string? Csv, RosterProblem? Problem) ReadAsCsv(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string csv;
        try
        {
            csv = ToCsv(bytes);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or InvalidOperationException or XmlException or ArgumentException or KeyNotFoundException)
        {
            return (null, Unreadable("The file is not an Excel workbook that can be read (.xlsx). Save it again from Excel, or export it as CSV."));
        }

        return csv.Length == 0 ? (null, Unreadable("The workbook's first sheet is empty: expected a header row and one row per employee.")) : (csv, null);
    }

    private static RosterProblem Unreadable(string message) => new(1, string.Empty, RosterProblemCode.UnreadableText, message);

    private static string ToCsv(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook part.");
        var first = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var sheet = (WorksheetPart)workbook.GetPartById(first.Id!.Value!);
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);

        var csv = new StringBuilder();
        var nextRow = 1u;
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            var index = row.RowIndex?.Value ?? nextRow;
            // Empty lines for rows Excel did not store, so line numbers stay the sheet's row numbers.
            for (; nextRow < index; nextRow++)
            {
                csv.Append("\r\n");
            }

            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                // Excel leaves empty cells out: their columns are empty fields.
                var at = Math.Max(next, cell.CellReference?.Value is { } reference ? ColumnOf(reference) : next);
                for (; next <= at; next++)
                {
                    if (next > 0)
                    {
                        csv.Append(',');
                    }
                }

                csv.Append('"').Append(TextOf(cell, strings, dateStyles).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }

            csv.Append("\r\n");
            nextRow = index + 1;
        }

        return csv.ToString().Trim().Length == 0 ? string.Empty : csv.ToString();
    }

    private static string TextOf(Cell cell, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        string text;
        if (type == CellValues.SharedString)
        {
            text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Count ? strings[i] : string.Empty;
        }
        else if (type == CellValues.InlineString)
        {
            text = cell.InlineString?.InnerText ?? string.Empty;
        }
        else if (type == CellValues.Boolean)
        {
            text = raw == "1" ? "true" : "false";
        }
        else if ((type is null || type == CellValues.Number) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            text = cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is >= 1 and < 2958466
                ? DateOnly.FromDateTime(DateTime.FromOADate(number)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : number.ToString("0.##########", CultureInfo.InvariantCulture);
        }
        else
        {
            text = raw;
        }

        // A line break inside a cell would shift every later line number.
        return text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
    }

    /// <summary>The cell formats (style indexes) that show a number as a date: a built-in date format, or a custom one with days, months or years.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var customDates = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateCode(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        var styles = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && (BuiltInDateFormats.Contains(id) || customDates.Contains(id)))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    /// <summary>"dd/mm/yyyy" is a date; "0.00" or "[Red]#,##0" is not. Quoted text and [..] sections are left out first.</summary>
    private static bool IsDateCode(string? code)
    {
        if (code is null)
        {
            return false;
        }

        var plain = new StringBuilder();
        var (inQuote, inBracket) = (false, false);
        foreach (var c in code)
        {
            if (c == '"')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && c == '[')
            {
                inBracket = true;
            }
            else if (inBracket && c == ']')
            {
                inBracket = false;
            }
            else if (!inQuote && !inBracket)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var text = plain.ToString();
        return text.Contains('d', StringComparison.Ordinal) || text.Contains('y', StringComparison.Ordinal) || (text.Contains('m', StringComparison.Ordinal) && !text.Contains('h', StringComparison.Ordinal) && !text.Contains('s', StringComparison.Ordinal));
    }

    /// <summary>"C12" is column 2 (zero-based).</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }
}
