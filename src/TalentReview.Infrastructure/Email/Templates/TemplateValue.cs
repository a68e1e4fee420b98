namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>A value as it goes into the HTML body (already escaped) and into the plain-text body and subject.</summary>
internal readonly record struct TemplateValue(string Html, string Text)
{
    public static TemplateValue Plain(string text) => new(TemplateCompiler.Encoder.Encode(text), text);
}

/// <summary>
/// The values of one email. <see cref="Shared"/> values are the same for everyone the email goes to
/// with this wording (the cycle's name, a summary's grid) and are written into the body;
/// <see cref="Personal"/> ones (name, link, dates) travel as per-recipient substitutions.
/// </summary>
internal sealed class TemplateValues
{
    public Dictionary<string, TemplateValue> Shared { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TemplateValue> Personal { get; } = new(StringComparer.Ordinal);
}
