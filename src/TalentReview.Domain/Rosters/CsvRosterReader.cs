using System.Text;

namespace TalentReview.Domain.Rosters;

/// <summary>
/// Reads roster CSV in one pass over the text: quoted fields may hold separators, doubled quotes and
/// line breaks; unquoted fields are sliced from the text without copying until an employee keeps them.
/// </summary>
internal static class CsvRosterReader
{
    public static RosterImportResult Read(string text)
    {
        var builder = new RosterRowBuilder();
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        var source = text.AsSpan(start);
        var cursor = new CsvCursor(text, start, DetectSeparator(source));
        if (!cursor.ReadRecord(out var headerLine))
        {
            builder.AddForRow(1, RosterProblemCode.EmptyRoster, "The file is empty: expected a header row and one row per employee.");
            return new RosterImportResult(null, builder.Problems);
        }

        var headerColumns = cursor.FieldCount;
        var columnOf = MapHeader(cursor, headerLine, builder);
        if (builder.Problems.Count > 0)
        {
            return new RosterImportResult(null, builder.Problems);
        }

        var rows = new List<(int Line, Employee Employee)>(EstimateRows(source));
        while (cursor.ReadRecord(out var line))
        {
            if (cursor.IsBlankRecord)
            {
                continue;
            }

            if (cursor.Unterminated)
            {
                builder.AddForRow(line, RosterProblemCode.MalformedRow, "A quoted field is never closed: a \" is missing.");
                break;
            }

            if (cursor.HasExtraValues(headerColumns))
            {
                builder.AddForRow(line, RosterProblemCode.MalformedRow,
                    $"The row has {cursor.FieldCount} values but the header has {headerColumns} columns.");
            }

            var row = new CsvRow(cursor, columnOf);
            rows.Add((line, builder.Build(line, row)));
        }

        return RosterValidator.Validate(rows, builder.Problems);
    }

    /// <summary>Belgian spreadsheets write <c>;</c>, others <c>,</c>: whichever the header uses more wins.</summary>
    private static char DetectSeparator(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('\r', '\n');
        var header = end < 0 ? text : text[..end];
        return header.Count(';') >= header.Count(',') && header.Contains(';') ? ';' : ',';
    }

    private static int EstimateRows(ReadOnlySpan<char> text) => Math.Min(text.Count('\n') + 1, 1 << 20);

    /// <summary>Column index per roster field (-1 when absent); a missing required column is a problem on line 1.</summary>
    private static int[] MapHeader(CsvCursor cursor, int headerLine, RosterRowBuilder builder)
    {
        var columnOf = new int[RosterFields.Count];
        Array.Fill(columnOf, -1);
        for (var column = 0; column < cursor.FieldCount; column++)
        {
            if (RosterFields.TryMatch(cursor.FieldText(column), out var field) && columnOf[(int)field] < 0)
            {
                columnOf[(int)field] = column;
            }
        }

        for (var field = 0; field < RosterFields.Count; field++)
        {
            if (columnOf[field] < 0 && RosterFields.IsRequired((RosterField)field))
            {
                builder.Add(headerLine, (RosterField)field, RosterProblemCode.MissingColumn,
                    $"The header has no column for {RosterFields.NameOf((RosterField)field)}.");
            }
        }

        return columnOf;
    }

    private readonly struct CsvRow(CsvCursor cursor, int[] columnOf) : IRosterRow
    {
        public ReadOnlySpan<char> Get(RosterField field)
        {
            var column = columnOf[(int)field];
            return column < 0 ? [] : cursor.Field(column);
        }
    }

    /// <summary>The tokenizer: positions of the current record's fields, plus a buffer for unescaped quoted fields.</summary>
    private sealed class CsvCursor(string text, int position, char separator)
    {
        private int[] starts = new int[16];
        private int[] lengths = new int[16];
        private bool[] quoted = new bool[16];
        private readonly StringBuilder unescaped = new();
        private int line = 1;

        public int FieldCount { get; private set; }

        public bool Unterminated { get; private set; }

        /// <summary>An empty line, or one with only separators, as spreadsheets leave at the end.</summary>
        public bool IsBlankRecord => !HasValuesFrom(0);

        public bool HasExtraValues(int columns) => HasValuesFrom(columns);

        private bool HasValuesFrom(int first)
        {
            for (var i = first; i < FieldCount; i++)
            {
                if (!Field(i).Trim().IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }

        public string FieldText(int column) => Field(column).ToString();

        /// <summary>The value of a field; quoted fields are unescaped into a shared buffer, valid until the next call.</summary>
        public ReadOnlySpan<char> Field(int column)
        {
            if (column >= FieldCount)
            {
                return [];
            }

            var raw = text.AsSpan(starts[column], lengths[column]);
            if (!quoted[column])
            {
                return raw;
            }

            var inner = raw.Trim()[1..];
            if (!inner.IsEmpty && inner[^1] == '"')
            {
                inner = inner[..^1];
            }

            if (!inner.Contains('"'))
            {
                return inner;
            }

            unescaped.Clear();
            for (var i = 0; i < inner.Length; i++)
            {
                unescaped.Append(inner[i]);
                if (inner[i] == '"' && i + 1 < inner.Length && inner[i + 1] == '"')
                {
                    i++;
                }
            }

            return unescaped.ToString();
        }

        /// <summary>Reads the next record; <paramref name="startLine"/> is the line it starts on.</summary>
        public bool ReadRecord(out int startLine)
        {
            startLine = line;
            if (position >= text.Length)
            {
                return false;
            }

            FieldCount = 0;
            Unterminated = false;
            var span = text.AsSpan();
            while (true)
            {
                var fieldStart = position;
                var isQuoted = false;
                SkipSpaces(span);
                if (position < span.Length && span[position] == '"')
                {
                    isQuoted = true;
                    position++;
                    if (!SkipQuoted(span))
                    {
                        Unterminated = true;
                        AddField(fieldStart, span.Length - fieldStart, isQuoted);
                        return true;
                    }
                }

                var rest = span[position..];
                var stop = rest.IndexOfAny(separator, '\n', '\r');
                var end = stop < 0 ? span.Length : position + stop;
                AddField(fieldStart, end - fieldStart, isQuoted);
                if (stop < 0)
                {
                    position = span.Length;
                    return true;
                }

                position = end + 1;
                if (span[end] == separator)
                {
                    continue;
                }

                if (span[end] == '\r' && position < span.Length && span[position] == '\n')
                {
                    position++;
                }

                line++;
                return true;
            }
        }

        private void SkipSpaces(ReadOnlySpan<char> span)
        {
            var probe = position;
            while (probe < span.Length && span[probe] == ' ')
            {
                probe++;
            }

            if (probe < span.Length && span[probe] == '"')
            {
                position = probe;
            }
        }

        /// <summary>Moves past the closing quote, counting line breaks inside the field.</summary>
        private bool SkipQuoted(ReadOnlySpan<char> span)
        {
            while (position < span.Length)
            {
                var next = span[position..].IndexOfAny('"', '\n');
                if (next < 0)
                {
                    position = span.Length;
                    return false;
                }

                position += next + 1;
                if (span[position - 1] == '\n')
                {
                    line++;
                }
                else if (position < span.Length && span[position] == '"')
                {
                    position++;
                }
                else
                {
                    return true;
                }
            }

            return false;
        }

        private void AddField(int start, int length, bool isQuoted)
        {
            if (FieldCount == starts.Length)
            {
                Array.Resize(ref starts, FieldCount * 2);
                Array.Resize(ref lengths, FieldCount * 2);
                Array.Resize(ref quoted, FieldCount * 2);
            }

            starts[FieldCount] = start;
            lengths[FieldCount] = length;
            quoted[FieldCount] = isQuoted;
            FieldCount++;
        }
    }
}
