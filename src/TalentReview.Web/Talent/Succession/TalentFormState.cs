namespace TalentReview.Web.Talent.Succession;

/// <summary>What was typed in a form that was refused (which form, its values, the reasons), so the page shows it again.</summary>
internal sealed record TalentFormState(string Form, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Errors)
{
    public string Value(string form, string field) => Form == form && Values.TryGetValue(field, out var value) ? value : string.Empty;
}
