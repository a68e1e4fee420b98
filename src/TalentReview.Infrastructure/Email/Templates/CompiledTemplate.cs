using System.Text;

namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>A piece of a compiled template: literal output, or the named value to put there.</summary>
internal readonly record struct Segment(string? Literal, string? Slot);

/// <summary>
/// One email of one language, compiled once at start into literal runs and value slots for the
/// subject, the HTML body and the plain-text body, so rendering a wave is only appending strings.
/// </summary>
internal sealed class CompiledTemplate(TemplateId id, Segment[] subject, Segment[] html, Segment[] text)
{
    public TemplateId Id { get; } = id;

    public IReadOnlyList<Segment> Subject { get; } = subject;

    public IReadOnlyList<Segment> Html { get; } = html;

    public IReadOnlyList<Segment> Text { get; } = text;

    public IEnumerable<string> Slots => Subject.Concat(Html).Concat(Text).Where(s => s.Slot is not null).Select(s => s.Slot!).Distinct(StringComparer.Ordinal);
}

/// <summary>Collects literal runs and slots; <see cref="AppendWords"/> reads <c>{name}</c> slots out of worded text.</summary>
internal sealed class SegmentBuilder
{
    private readonly List<Segment> _segments = [];
    private readonly StringBuilder _literal = new();

    public SegmentBuilder Raw(string literal)
    {
        _literal.Append(literal);
        return this;
    }

    public SegmentBuilder Slot(string name)
    {
        Flush();
        _segments.Add(new Segment(null, name));
        return this;
    }

    /// <summary>Appends worded text: literal parts through <paramref name="encode"/>, <c>{name}</c> as slots.</summary>
    public SegmentBuilder AppendWords(string words, Func<string, string> encode)
    {
        var position = 0;
        while (position < words.Length)
        {
            var open = words.IndexOf('{', position);
            var close = open < 0 ? -1 : words.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                _literal.Append(encode(words[position..]));
                break;
            }

            _literal.Append(encode(words[position..open]));
            Slot(words[(open + 1)..close]);
            position = close + 1;
        }

        return this;
    }

    public Segment[] Build()
    {
        Flush();
        return [.. _segments];
    }

    private void Flush()
    {
        if (_literal.Length > 0)
        {
            _segments.Add(new Segment(_literal.ToString(), null));
            _literal.Clear();
        }
    }
}
