using System.Text;

namespace TalentReview.Domain.Rosters;

/// <summary>Imports a roster from CSV or JSON text, reporting every problem at once.</summary>
public static class RosterImport
{
    /// <summary>CSV with a header row; <c>;</c> or <c>,</c> separated (detected from the header); a leading BOM is ignored.</summary>
    public static RosterImportResult FromCsv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CsvRosterReader.Read(text);
    }

    /// <summary>A CSV file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM or Windows-1252, see <see cref="RosterText"/>.</summary>
    public static RosterImportResult FromCsv(ReadOnlySpan<byte> bytes)
    {
        var (text, problem) = RosterText.Decode(bytes);
        return text is null ? new RosterImportResult(null, [problem!]) : CsvRosterReader.Read(text);
    }

    /// <summary>A JSON array of employee objects, or an object with an <c>employees</c> array.</summary>
    public static RosterImportResult FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonRosterReader.Read(Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF')));
    }

    /// <summary>UTF-8 JSON bytes, with or without BOM.</summary>
    public static RosterImportResult FromJson(ReadOnlySpan<byte> utf8) => JsonRosterReader.Read(utf8);
}
