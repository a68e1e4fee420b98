using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Summaries;

namespace TalentReview.Local.Simulation;

/// <summary>The leadership summary as one self-contained HTML file: the grid with counts and shares against guidance, then the key lists.</summary>
public static class SummaryHtml
{
    private const string Css = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#1b2430}table{border-collapse:collapse}"
        + "td,th{border:1px solid #d5dbe3;padding:.5rem .75rem;vertical-align:top}td.off{background:#fde8e6}td.ok{background:#eaf6ee}";

    public static string Render(string cycleName, CycleSummary summary, BoxLabels labels, SimulationFigures figures, Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(nameOf);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(figures);
        var html = HtmlEncoder.Default;
        var culture = CultureInfo.InvariantCulture;
        var page = new StringBuilder();
        page.Append(culture, $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.Encode(cycleName)} — leadership summary</title>
            <style>{Css}</style></head><body>
            <h1>{html.Encode(cycleName)} — leadership summary</h1>
            <p>{summary.Population} people; {summary.AdjustmentCount} calibration moves for {summary.EmployeesAdjusted} people; {summary.PlacementCount} placements from the holding area.</p>
            <table><caption>Nine-box: count, share and guidance. Rows: potential; columns: performance.</caption>
            <tr><th></th><th scope="col">Low performance</th><th scope="col">Moderate performance</th><th scope="col">High performance</th></tr>
            """);
        foreach (var potential in new[] { RatingLevel.High, RatingLevel.Moderate, RatingLevel.Low })
        {
            page.Append(culture, $"<tr><th scope=\"row\">{potential} potential</th>");
            foreach (var performance in new[] { RatingLevel.Low, RatingLevel.Moderate, RatingLevel.High })
            {
                var box = new GridPosition(performance, potential).Box;
                var line = summary.Boxes.FirstOrDefault(b => b.Box == box);
                var deviation = Math.Abs(line?.DeviationPoints ?? 0);
                page.Append(culture, $"<td class=\"{(deviation > 5 ? "off" : "ok")}\"><strong>{html.Encode(labels.For(box, Language.En).Name)}</strong><br>")
                    .Append(culture, $"{line?.Count ?? 0} · {line?.Percent ?? 0:0.#}% (guidance {line?.GuidancePercent ?? 0:0.#}%)</td>");
            }

            page.Append("</tr>");
        }

        page.Append("</table><h2>Decisions</h2><ul>");
        foreach (var decision in summary.Decisions.Where(d => d.Count > 0))
        {
            page.Append(culture, $"<li>{decision.Type}: {decision.Count}</li>");
        }

        page.Append("</ul><h2>Completion</h2><ul>");
        foreach (var step in summary.Completion)
        {
            page.Append(culture, $"<li>{step.Step}: {step.Completed} of {step.Expected} ({step.Percent:0.#}%)</li>");
        }

        page.Append(culture, $"</ul><h2>High performers at risk of leaving ({summary.HighPerformersAtRisk.Count})</h2><ul>");
        foreach (var person in summary.HighPerformersAtRisk)
        {
            page.Append(culture, $"<li>{html.Encode(nameOf(person))}</li>");
        }

        page.Append("</ul><h2>Emails sent</h2><ul>");
        foreach (var (kind, count) in figures.Emails)
        {
            page.Append(culture, $"<li>{kind}: {count}</li>");
        }

        page.Append("</ul></body></html>");
        return page.ToString();
    }
}
