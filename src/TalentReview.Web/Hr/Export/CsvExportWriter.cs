using System.Text;

namespace TalentReview.Web.Hr.Export;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte order mark (so spreadsheet programs read accents right).
/// Cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
/// </summary>
public static class CsvExportWriter
{
    public static byte[] Write(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        AppendRow(text, table.Headers);
        foreach (var row in table.Rows)
        {
            AppendRow(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var cell = Defuse(cells[i] ?? string.Empty);
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(cell);
            }
        }

        text.Append("\r\n");
    }

    internal static string Defuse(string cell)
        => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
