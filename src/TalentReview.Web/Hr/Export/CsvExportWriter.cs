using System.Globalization;
using CsvHelper;

namespace TalentReview.Web.Hr.Export;

/// <summary>
/// CSV in UTF-8 with a byte order mark (so Excel reads accents right), with the separator the reader's Excel
/// splits on, numbers with the decimal mark that goes with it (Excel pairs <c>;</c> with a decimal comma and
/// <c>,</c> with a decimal point) and dates as yyyy-MM-dd (which every Excel reads as a date).
/// Text a spreadsheet would run as a formula is prefixed with an apostrophe.
/// </summary>
public static class CsvExportWriter
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    public static byte[] Write(ExportTable table, char separator)
    {
        ArgumentNullException.ThrowIfNull(table);
        var options = CsvWriterOptions.Default with
        {
            Separator = separator,
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            FormatProvider = separator == ';' ? DecimalComma : CultureInfo.InvariantCulture,
        };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            foreach (var column in table.Columns)
            {
                csv.WriteField(column.Header);
            }

            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var value in row)
                {
                    Write(csv, value);
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    private static void Write(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case DateOnly date:
                csv.WriteField(date, "yyyy-MM-dd");
                break;
            case DateTime moment:
                csv.WriteField(moment, "yyyy-MM-dd HH:mm");
                break;
            case int number:
                csv.WriteField(number, default);
                break;
            case decimal number:
                csv.WriteField(number, default);
                break;
            default:
                csv.WriteField(value as string);
                break;
        }
    }
}
