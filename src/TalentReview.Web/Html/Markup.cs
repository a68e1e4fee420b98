using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace TalentReview.Web.Html;

/// <summary>
/// HTML that is safe to write as is. The only ways to make one are <see cref="Text"/> (which
/// encodes) and the <see cref="H.Html"/> interpolation, whose literal parts are compile-time
/// constants and whose holes are encoded unless they are markup already.
/// </summary>
public readonly struct Markup : IEquatable<Markup>
{
    /// <summary>Keeps accented letters readable in the source while encoding everything HTML-significant.</summary>
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string? value;

    internal Markup(string value) => this.value = value;

    public static Markup Empty => default;

    public static Markup Text(string? text) => new(Encoder.Encode(text ?? string.Empty));

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.value)));

    public static bool operator ==(Markup left, Markup right) => left.Equals(right);

    public static bool operator !=(Markup left, Markup right) => !left.Equals(right);

    public bool Equals(Markup other) => string.Equals(value ?? string.Empty, other.value ?? string.Empty, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Markup other && Equals(other);

    public override int GetHashCode() => (value ?? string.Empty).GetHashCode(StringComparison.Ordinal);

    public override string ToString() => value ?? string.Empty;
}
