namespace TalentReview.Local.Tests.Harness;

/// <summary>A CSV file as a spreadsheet reads it: quoted fields may hold the separator, quotes and line breaks.</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static CsvTable Parse(string text, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<IReadOnlyList<string>>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add(fields);
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields);
        }

        return new CsvTable(records[0], records.Skip(1).ToList());
    }

    /// <summary>The column with this header (its position), failing with the headers there are.</summary>
    public int Column(string header)
    {
        var index = Header.ToList().FindIndex(h => string.Equals(h, header, StringComparison.Ordinal));
        Assert.True(index >= 0, $"No column \"{header}\" in {string.Join(" | ", Header)}.");
        return index;
    }
}
