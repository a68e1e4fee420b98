using System.Text;
using TalentReview.Domain;
using TalentReview.Web.Localization;

namespace TalentReview.Web.Html;

/// <summary>One choice of a select or radio group: the submitted value and its label.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>
/// Accessible form controls: every control has a label (or a fieldset legend), its hint and error
/// are tied to it with aria-describedby, and an invalid control says so with aria-invalid.
/// </summary>
public sealed class Fields(FormState state, Language language, string idPrefix = "f")
{
    /// <summary>A stable, unique element id for a field path such as <c>objectives[0].evidence</c>.</summary>
    public string IdOf(string field)
    {
        var id = new StringBuilder(idPrefix).Append('-');
        foreach (var c in field)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        return id.ToString();
    }

    public Markup Text(string field, string label, bool required, string? hint = null, int maxLength = TextLimits.ShortText) => Wrap(field, label, required, hint, H.Html(
        $"""<input type="text" id="{IdOf(field)}" name="{field}" value="{state.Value(field)}" maxlength="{maxLength}"{Described(field, hint)}{H.Flag(required, "required")}>"""));

    public Markup TextArea(string field, string label, bool required, string? hint = null, int maxLength = TextLimits.LongText, int rows = 5) => Wrap(field, label, required, hint, H.Html(
        $"""<textarea id="{IdOf(field)}" name="{field}" rows="{rows}" maxlength="{maxLength}"{Described(field, hint)}{H.Flag(required, "required")}>{state.Value(field)}</textarea>"""));

    public Markup Select(string field, string label, IEnumerable<Choice> choices, bool required, string? hint = null)
    {
        var current = state.Value(field);
        var options = choices.Select(c => H.Html($"""<option value="{c.Value}"{H.Flag(c.Value == current, "selected")}>{c.Label}</option>"""));
        return Wrap(field, label, required, hint, H.Html(
            $"""<select id="{IdOf(field)}" name="{field}"{Described(field, hint)}{H.Flag(required, "required")}><option value="">—</option>{options}</select>"""));
    }

    /// <summary>A single checkbox that must be ticked on purpose (a confirmation), its error tied to it.</summary>
    public Markup Checkbox(string field, string label, string value)
    {
        var error = state.Error(field);
        return H.Html($"""
            <div class="field check{(error is null ? "" : " invalid")}">
            {HintAndError(field, null)}
            <input type="checkbox" id="{IdOf(field)}" name="{field}" value="{value}"{H.Flag(state.Value(field) == value, "checked")}{Described(field, null)}>
            <label for="{IdOf(field)}">{label}</label>
            </div>
            """);
    }

    /// <summary>A 1–5 score as radio buttons in a fieldset, the legend naming the question.</summary>
    public Markup Scale(string field, string legend, string? hint = null)
    {
        var current = state.Value(field);
        var id = IdOf(field);
        var radios = Enumerable.Range(1, 5).Select(score => H.Html(
            $"""<span class="choice"><input type="radio" id="{id}-{score}" name="{field}" value="{score}"{H.Flag(current == score.ToString(System.Globalization.CultureInfo.InvariantCulture), "checked")}><label for="{id}-{score}">{score}</label></span>"""));
        var error = state.Error(field);
        return H.Html($"""
            <fieldset id="{id}" class="{(error is null ? "" : "invalid")}"{Described(field, hint)}>
            <legend>{legend}</legend>
            {HintAndError(field, hint)}
            <div>{radios}</div>
            </fieldset>
            """);
    }

    /// <summary>The list of problems at the top of a rejected form; each links to its field, and it takes focus first.</summary>
    public Markup ErrorSummary(IReadOnlyDictionary<string, string> labels)
    {
        if (!state.HasErrors)
        {
            return Markup.Empty;
        }

        var items = state.Errors.Select(e => H.Html(
            $"""<li><a href="#{IdOf(e.Key)}">{labels.GetValueOrDefault(e.Key) ?? e.Key}: {e.Value}</a></li>"""));
        return H.Html($"""
            <div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="{idPrefix}-errors-title">
            <h2 id="{idPrefix}-errors-title">{Texts.ErrorSummaryTitle[language]}</h2>
            <ul>{items}</ul>
            </div>
            """);
    }

    private Markup Wrap(string field, string label, bool required, string? hint, Markup control)
    {
        var error = state.Error(field);
        return H.Html($"""
            <div class="field{(error is null ? "" : " invalid")}">
            <label for="{IdOf(field)}">{label} <span class="hint-inline">({(required ? Texts.Required : Texts.Optional)[language]})</span></label>
            {HintAndError(field, hint)}
            {control}
            </div>
            """);
    }

    private Markup HintAndError(string field, string? hint)
    {
        var error = state.Error(field);
        return H.Html($"""{H.When(hint is not null, H.Html($"""<span class="hint" id="{IdOf(field)}-hint">{hint}</span>"""))}{H.When(error is not null, H.Html($"""<span class="field-error" id="{IdOf(field)}-error">{error}</span>"""))}""");
    }

    private Markup Described(string field, string? hint)
    {
        var error = state.Error(field);
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add(IdOf(field) + "-hint");
        }

        if (error is not null)
        {
            ids.Add(IdOf(field) + "-error");
        }

        return ids.Count == 0
            ? Markup.Empty
            : H.Html($"""{H.Text(" ")}aria-describedby="{string.Join(' ', ids)}"{H.When(error is not null, H.Html($" aria-invalid=\"true\" autofocus"))}""");
    }
}
