using System.Text;
using TalentReview.Infrastructure.Email.Templates;
using TalentReview.Workflow.Notifications;

namespace TalentReview.Infrastructure.Email;

/// <summary>An email's subject and bodies, in the recipient's language.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>
/// A message ready for a SendGrid call: <see cref="Body"/> with per-recipient substitution keys in
/// it, and this recipient's <see cref="Substitutions"/>. Messages with the same <see cref="ShareKey"/>
/// have the same body, so they can share one API call.
/// </summary>
internal sealed record PreparedEmail(EmailMessage Message, string ShareKey, RenderedEmail Body, IReadOnlyDictionary<string, string> Substitutions);

/// <summary>Renders emails from the compiled templates; one instance per wave caches the shared bodies.</summary>
internal sealed class WaveRenderer(string cycleName)
{
    /// <summary>SendGrid allows 10,000 bytes of substitutions per personalization; beyond this margin the email is rendered whole.</summary>
    public const int SubstitutionBudgetBytes = 9_000;

    private const string KeyPrefix = "%tr:";

    private readonly Dictionary<string, RenderedEmail> _sharedBodies = new(StringComparer.Ordinal);

    /// <summary>The email exactly as its recipient reads it.</summary>
    public static RenderedEmail RenderComplete(EmailMessage message, string cycleName)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (id, values) = EmailValueMapper.Map(message, cycleName);
        return Render(TemplateCatalog.Template(message.To.Language, id), values, inlinePersonal: true);
    }

    public PreparedEmail Prepare(EmailMessage message)
    {
        var (id, values) = EmailValueMapper.Map(message, cycleName);
        var template = TemplateCatalog.Template(message.To.Language, id);
        var substitutions = new Dictionary<string, string>(StringComparer.Ordinal);
        var bytes = 0;
        foreach (var slot in template.Slots)
        {
            if (values.Personal.TryGetValue(slot, out var value) && !values.Shared.ContainsKey(slot))
            {
                bytes += Add(substitutions, HtmlKey(slot), Defuse(value.Html)) + Add(substitutions, TextKey(slot), Defuse(value.Text));
            }
        }

        if (bytes > SubstitutionBudgetBytes)
        {
            return new PreparedEmail(message, "whole:" + message.DedupeKey, Render(template, values, inlinePersonal: true), new Dictionary<string, string>());
        }

        var shareKey = ShareKey(message, template, values);
        if (!_sharedBodies.TryGetValue(shareKey, out var body))
        {
            body = Render(template, values, inlinePersonal: false);
            _sharedBodies[shareKey] = body;
        }

        return new PreparedEmail(message, shareKey, body, substitutions);
    }

    private static string ShareKey(EmailMessage message, CompiledTemplate template, TemplateValues values)
    {
        var key = new StringBuilder().Append(message.To.Language).Append('|').Append(template.Id);
        foreach (var slot in template.Slots)
        {
            if (values.Shared.TryGetValue(slot, out var value))
            {
                key.Append('\u0001').Append(value.Html);
            }
        }

        return key.ToString();
    }

    private static RenderedEmail Render(CompiledTemplate template, TemplateValues values, bool inlinePersonal)
        => new(
            Write(template.Subject, values, html: false, inlinePersonal, template.Id),
            Write(template.Html, values, html: true, inlinePersonal, template.Id),
            Write(template.Text, values, html: false, inlinePersonal, template.Id));

    private static string Write(IReadOnlyList<Segment> segments, TemplateValues values, bool html, bool inlinePersonal, TemplateId id)
    {
        var output = new StringBuilder(html ? 4_096 : 1_024);
        foreach (var segment in segments)
        {
            if (segment.Literal is { } literal)
            {
                output.Append(literal);
            }
            else if (values.Shared.TryGetValue(segment.Slot!, out var shared))
            {
                output.Append(html ? shared.Html : shared.Text);
            }
            else if (values.Personal.TryGetValue(segment.Slot!, out var personal))
            {
                output.Append(inlinePersonal ? (html ? personal.Html : personal.Text) : (html ? HtmlKey(segment.Slot!) : TextKey(segment.Slot!)));
            }
            else
            {
                throw new InvalidOperationException($"Template {id} uses {{{segment.Slot}}}, which its content does not provide.");
            }
        }

        return output.ToString();
    }

    private static string HtmlKey(string slot) => KeyPrefix + slot + "%";

    private static string TextKey(string slot) => KeyPrefix + slot + ":t%";

    /// <summary>A value that looked like a substitution key could be substituted again; break the key apart.</summary>
    private static string Defuse(string value) => value.Contains(KeyPrefix, StringComparison.Ordinal) ? value.Replace(KeyPrefix, "% tr:", StringComparison.Ordinal) : value;

    private static int Add(Dictionary<string, string> substitutions, string key, string value)
    {
        substitutions[key] = value;
        return Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
    }
}
