using System.Text;

namespace TalentReview.Domain.Rosters;

/// <summary>The roster file HR starts from: every column the import reads, and one example employee (without a manager, so the template imports as it is).</summary>
public static class RosterTemplate
{
    public const string FileName = "roster-template.csv";

    /// <summary>
    /// UTF-8 with a BOM so Excel shows accents; <c>;</c> for readers whose Excel expects it (Belgium, France),
    /// <c>,</c> otherwise. The import reads either.
    /// </summary>
    public static byte[] Csv(char separator)
    {
        var header = string.Join(separator, Enumerable.Range(0, RosterFields.Count).Select(i => RosterFields.NameOf((RosterField)i)));
        string[] example = ["E1001", "Hélène Dubois", "helene.dubois@example.com", "", "Sales", "Account manager", "L3", "2021-03-15", "permanent", "active", "fr", "Namur", "1986", "F", "80%"];
        var text = header + "\r\n" + string.Join(separator, example) + "\r\n";
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)];
    }
}
