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

    /// <summary>UTF-8 bytes, with or without BOM.</summary>
    public static RosterImportResult FromCsv(ReadOnlySpan<byte> utf8) => CsvRosterReader.Read(Encoding.UTF8.GetString(utf8));

    /// <summary>A JSON array of employee objects, or an object with an <c>employees</c> array.</summary>
    public static RosterImportResult FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonRosterReader.Read(Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF')));
    }

    /// <summary>UTF-8 JSON bytes, with or without BOM.</summary>
    public static RosterImportResult FromJson(ReadOnlySpan<byte> utf8) => JsonRosterReader.Read(utf8);
}
