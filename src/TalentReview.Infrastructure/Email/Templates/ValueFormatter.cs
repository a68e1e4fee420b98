using System.Globalization;

namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>Dates, counts and lists as the recipient's language writes them. Dates come as dates of the cycle's zone, never as instants.</summary>
internal sealed class ValueFormatter(LanguagePack pack)
{
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(pack.CultureName);

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public string Days(int days) => Count(days, pack.Values.OneDay, pack.Values.ManyDays);

    public string Employees(int count) => Count(count, pack.Values.OneEmployee, pack.Values.ManyEmployees);

    public string Number(int value) => value.ToString("N0", Culture);

    public string Percentage(double value) => value.ToString("0.#", Culture) + (Culture.TwoLetterISOLanguageName == "en" ? "%" : "\u00A0%");

    public TemplateValue List(IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return TemplateValue.Plain(pack.Summary.None);
        }

        var html = new System.Text.StringBuilder("<ul style=\"margin:0 0 16px 0;padding-left:22px;\">");
        var text = new System.Text.StringBuilder();
        foreach (var item in items)
        {
            html.Append("<li>").Append(TemplateCompiler.Encoder.Encode(item)).Append("</li>");
            text.Append("  - ").Append(item).Append('\n');
        }

        return new TemplateValue(html.Append("</ul>").ToString(), text.ToString());
    }

    private string Count(int count, string one, string many)
        => count == 1 ? one : string.Format(Culture, many, Number(count));
}
