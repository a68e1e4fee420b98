using System.Net;
using System.Text.RegularExpressions;

namespace TalentReview.Local.Tests.Harness;

/// <summary>
/// A form found in a page, read the way a browser reads it, and filled in the way a diligent person
/// would: every text field gets a sentence, every choice a middle answer, hidden fields (the
/// anti-forgery token among them) are sent as they are.
/// </summary>
public sealed partial record HtmlForm(string Action, string Html, IReadOnlyList<KeyValuePair<string, string>> Hidden)
{
    private const string Sentence = "Over the past year I delivered the planned changes on time, worked closely with two other teams and documented the results for the site.";

    public static IReadOnlyList<HtmlForm> FindAll(string page, Uri pageAddress)
    {
        ArgumentNullException.ThrowIfNull(page);
        return FormPattern().Matches(page).Select(match =>
        {
            var attributes = Attributes(match.Groups["attributes"].Value);
            var action = attributes.GetValueOrDefault("action") is { Length: > 0 } a ? new Uri(pageAddress, a).ToString() : pageAddress.ToString();
            var body = match.Groups["body"].Value;
            var hidden = ElementPattern().Matches(body)
                .Select(e => Attributes(e.Groups["attributes"].Value))
                .Where(e => e.GetValueOrDefault("type") == "hidden" && e.ContainsKey("name"))
                .Select(e => KeyValuePair.Create(e["name"], e.GetValueOrDefault("value") ?? string.Empty))
                .ToList();
            return new HtmlForm(action, body, hidden);
        }).ToList();
    }

    /// <summary>Whether the form has a submit button with this name and value.</summary>
    public bool HasButton(string name, string value)
        => ElementPattern().Matches(Html).Select(e => Attributes(e.Groups["attributes"].Value))
            .Any(e => e.GetValueOrDefault("name") == name && e.GetValueOrDefault("value") == value);

    /// <summary>The values the form's choices offer (its selects' options), empty ones left out.</summary>
    public IReadOnlyList<string> Options => OptionPattern().Matches(Html).Select(o => WebUtility.HtmlDecode(o.Groups["value"].Value)).Where(v => v.Length > 0).ToList();

    /// <summary>What a text field of the form holds as the page shows it (prefilled), or null when it has none.</summary>
    public string? ValueOf(string name)
        => ElementPattern().Matches(Html).Select(e => Attributes(e.Groups["attributes"].Value))
            .FirstOrDefault(e => e.GetValueOrDefault("name") == name)?.GetValueOrDefault("value");

    /// <summary>The fields as a person would fill them, then the pressed button.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Filled(string buttonName, string buttonValue, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var fields = new List<KeyValuePair<string, string>>(Hidden);
        var radiosDone = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match element in ElementPattern().Matches(Html))
        {
            var tag = element.Groups["tag"].Value;
            var attributes = Attributes(element.Groups["attributes"].Value);
            if (attributes.GetValueOrDefault("name") is not { } name || attributes.ContainsKey("disabled"))
            {
                continue;
            }

            string? value = (tag, attributes.GetValueOrDefault("type")) switch
            {
                ("input", "text" or null or "email") => attributes.GetValueOrDefault("value") is { Length: > 0 } v ? v : "Warehouse flow improvement",
                ("input", "number") => attributes.GetValueOrDefault("value") is { Length: > 0 } n ? n : "3",
                ("input", "radio") when radiosDone.Add(name) => MiddleRadio(name),
                ("textarea", _) => Sentence,
                ("select", _) => FirstChoice(element.Value),
                _ => null,
            };
            if (value is not null)
            {
                fields.Add(KeyValuePair.Create(name, overrides?.GetValueOrDefault(name) ?? value));
            }
        }

        fields.Add(KeyValuePair.Create(buttonName, buttonValue));
        return fields;
    }

    private string MiddleRadio(string name)
    {
        var values = ElementPattern().Matches(Html).Select(e => Attributes(e.Groups["attributes"].Value))
            .Where(e => e.GetValueOrDefault("type") == "radio" && e.GetValueOrDefault("name") == name)
            .Select(e => e.GetValueOrDefault("value") ?? string.Empty).ToList();
        return values.Contains("3") ? "3" : values[values.Count / 2];
    }

    private string FirstChoice(string selectStart)
    {
        var start = Html.IndexOf(selectStart, StringComparison.Ordinal);
        var end = Html.IndexOf("</select>", start, StringComparison.Ordinal);
        return OptionPattern().Matches(Html[start..end]).Select(o => WebUtility.HtmlDecode(o.Groups["value"].Value)).First(v => v.Length > 0);
    }

    private static Dictionary<string, string> Attributes(string text)
        => AttributePattern().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value), StringComparer.Ordinal);

    [GeneratedRegex("<form\\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<(?<tag>input|select|textarea|button)\\b(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ElementPattern();

    [GeneratedRegex("<option\\b[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"(?<value>[^\"]*)\")?")]
    private static partial Regex AttributePattern();
}
