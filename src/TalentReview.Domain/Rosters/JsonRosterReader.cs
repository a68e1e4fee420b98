using System.Text;
using System.Text.Json;

namespace TalentReview.Domain.Rosters;

/// <summary>
/// Reads a JSON roster: an array of employee objects, or an object with an <c>employees</c> array.
/// Property names follow the same aliases as CSV headers; the line of an employee is where its object starts.
/// </summary>
internal static class JsonRosterReader
{
    public static RosterImportResult Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var builder = new RosterRowBuilder();
        var rows = new List<(int Line, Employee Employee)>();
        var lines = new LineCounter();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!MoveToEmployeeArray(ref reader))
            {
                builder.AddForRow(1, RosterProblemCode.MalformedJson,
                    "Expected a JSON array of employees, or an object with an \"employees\" array.");
                return new RosterImportResult(null, builder.Problems);
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineAt(utf8, (int)reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    builder.AddForRow(line, RosterProblemCode.MalformedJson, "Each employee must be a JSON object.");
                    reader.Skip();
                    continue;
                }

                var values = ReadObject(ref reader, line, builder);
                rows.Add((line, builder.Build(line, new JsonRow(values))));
            }
        }
        catch (JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0) + 1;
            return new RosterImportResult(null, [new RosterProblem(line, string.Empty, RosterProblemCode.MalformedJson,
                $"The JSON is not well formed near line {line}, position {(exception.BytePositionInLine ?? 0) + 1}.")]);
        }

        return RosterValidator.Validate(rows, builder.Problems);
    }

    private static bool MoveToEmployeeArray(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEmployees = string.Equals(reader.GetString(), "employees", StringComparison.OrdinalIgnoreCase);
            reader.Read();
            if (isEmployees)
            {
                return reader.TokenType == JsonTokenType.StartArray;
            }

            reader.Skip();
        }

        return false;
    }

    private static string?[] ReadObject(ref Utf8JsonReader reader, int line, RosterRowBuilder builder)
    {
        var values = new string?[RosterFields.Count];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var known = RosterFields.TryMatch(reader.GetString()!, out var field);
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (known)
                    {
                        builder.Add(line, field, RosterProblemCode.MalformedJson, $"{RosterFields.NameOf(field)} must be a text value.");
                    }

                    reader.Skip();
                    break;
                case JsonTokenType.String when known:
                    values[(int)field] = reader.GetString();
                    break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False when known:
                    values[(int)field] = Encoding.UTF8.GetString(reader.ValueSpan);
                    break;
                default:
                    break;
            }
        }

        return values;
    }

    private readonly struct JsonRow(string?[] values) : IRosterRow
    {
        public ReadOnlySpan<char> Get(RosterField field) => values[(int)field];
    }

    /// <summary>Counts line breaks incrementally, since the reader only knows byte offsets.</summary>
    private sealed class LineCounter
    {
        private int countedUpTo;
        private int line = 1;

        public int LineAt(ReadOnlySpan<byte> utf8, int offset)
        {
            line += utf8[countedUpTo..offset].Count((byte)'\n');
            countedUpTo = offset;
            return line;
        }
    }
}
