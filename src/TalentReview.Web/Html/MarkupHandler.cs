using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace TalentReview.Web.Html;

/// <summary>Builds <see cref="Markup"/> from an interpolated string: literals are written as they are, every hole is encoded.</summary>
[InterpolatedStringHandler]
public ref struct MarkupHandler
{
    private readonly StringBuilder builder;

    public MarkupHandler(int literalLength, int formattedCount) => builder = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string literal) => builder.Append(literal);

    public readonly void AppendFormatted(Markup markup) => builder.Append(markup.ToString());

    public readonly void AppendFormatted(IEnumerable<Markup> parts)
    {
        foreach (var part in parts)
        {
            builder.Append(part.ToString());
        }
    }

    public readonly void AppendFormatted(string? text) => builder.Append(Markup.Encoder.Encode(text ?? string.Empty));

    public readonly void AppendFormatted<T>(T value) where T : IFormattable
        => builder.Append(Markup.Encoder.Encode(value.ToString(null, CultureInfo.InvariantCulture)));

    public readonly void AppendFormatted<T>(T value, string format) where T : IFormattable
        => builder.Append(Markup.Encoder.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    internal readonly Markup ToMarkup() => new(builder.ToString());
}

public static class H
{
    public static Markup Html(ref MarkupHandler handler) => handler.ToMarkup();

    public static Markup Text(string? text) => Markup.Text(text);

    public static Markup Join(IEnumerable<Markup> parts) => Markup.Join(parts);

    /// <summary>The markup when the condition holds. It is built either way, so it must not depend on the condition to be safe to build.</summary>
    public static Markup When(bool condition, Markup markup) => condition ? markup : Markup.Empty;

    /// <summary>A boolean attribute, e.g. <c>checked</c>, present only when set.</summary>
    public static Markup Flag(bool set, string name) => set ? Markup.Text(" " + name) : Markup.Empty;
}
