using System.Globalization;
using System.Text;
using TalentReview.Workflow.Notifications;

namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>
/// The leadership summary's body: the nine-box grid as an SVG heat map, followed by the same grid as an HTML table (potential high to low, top to
/// bottom; performance low to high, left to right) whose cells are coloured by how far their share
/// lies from the guidance, the status also written out so it does not rest on colour alone; then
/// the key lists. Counts and names only. Both grids are sent: Gmail and Outlook on Windows drop inline
/// SVG, so the table is the fallback every client shows, and it alone says within, above or below
/// guidance in words; clients that render SVG (Apple Mail, Outlook on the web and on phones) show the
/// heat map first. The plain-text part lists the boxes as before.
/// </summary>
internal static class LeadershipSummaryBlock
{
    /// <summary>Percentage points a box may differ from its guidance and still count as within it.</summary>
    public const double Tolerance = 5.0;

    public const string WithinColour = "#dcfce7";
    public const string AboveColour = "#fef3c7";
    public const string BelowColour = "#dbeafe";
    public const string NoGuidanceColour = "#f3f4f6";

    private const string CellStyle = "padding:8px;vertical-align:top;border:1px solid #d1d5db;";
    private const string HeaderStyle = "padding:8px;text-align:left;border:1px solid #d1d5db;background-color:#f9fafb;";
    private const string Heading = "<p style=\"margin:16px 0 4px 0;font-weight:bold;\">";

    public static TemplateValue Render(LeadershipSummaryNotice summary, LanguagePack pack, ValueFormatter format)
    {
        var words = pack.Summary;
        var encode = TemplateCompiler.Encoder;
        var levels = new[] { words.Low, words.Medium, words.High };
        var html = new StringBuilder(8_192);
        var text = new StringBuilder(2_048);

        html.Append(NineBoxSvg.Render("leadership-grid", summary.Grid, SvgWords(summary, pack, format)));
        html.Append("<table role=\"table\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse;border-color:#d1d5db;margin:0 0 8px 0;font-size:13px;line-height:18px;\">")
            .Append("<caption style=\"text-align:left;font-weight:bold;padding:0 0 8px 0;\">").Append(encode.Encode(words.GridCaption)).Append("</caption>")
            .Append("<tr><th scope=\"col\" style=\"").Append(HeaderStyle).Append("\">").Append(encode.Encode($"{words.PotentialAxis} \\ {words.PerformanceAxis}")).Append("</th>");
        text.Append(words.GridCaption).Append('\n');
        for (var performance = 1; performance <= 3; performance++)
        {
            html.Append("<th scope=\"col\" style=\"").Append(HeaderStyle).Append("\">").Append(encode.Encode($"{words.PerformanceAxis}: {levels[performance - 1]}")).Append("</th>");
        }

        html.Append("</tr>");
        for (var potential = 3; potential >= 1; potential--)
        {
            html.Append("<tr><th scope=\"row\" style=\"").Append(HeaderStyle).Append("\">").Append(encode.Encode($"{words.PotentialAxis}: {levels[potential - 1]}")).Append("</th>");
            for (var performance = 1; performance <= 3; performance++)
            {
                var cell = summary.Grid.FirstOrDefault(c => c.Performance == performance && c.Potential == potential)
                    ?? new NineBoxCell(performance, potential, "", 0, 0, null);
                var (colour, status) = Status(cell, words);
                var share = format.Percentage(cell.Percentage);
                var guidance = cell.GuidancePercentage is { } g ? $"{words.Guidance} {format.Percentage(g)}" : null;
                html.Append("<td bgcolor=\"").Append(colour).Append("\" style=\"").Append(CellStyle).Append("background-color:").Append(colour).Append(";\">")
                    .Append("<strong>").Append(encode.Encode(words.Box(cell.Label))).Append("</strong><br>")
                    .Append(encode.Encode(format.Number(cell.Count))).Append(" (").Append(encode.Encode(share)).Append(")<br>")
                    .Append("<span style=\"color:#4b5563;\">").Append(guidance is null ? encode.Encode(status) : $"{encode.Encode(guidance)}<br>{encode.Encode(status)}").Append("</span></td>");
                text.Append(CultureInfo.InvariantCulture, $"  - {words.PotentialAxis} {levels[potential - 1]}, {words.PerformanceAxis} {levels[performance - 1]}")
                    .Append(cell.Label.Length > 0 ? $" ({words.Box(cell.Label)})" : "")
                    .Append(CultureInfo.InvariantCulture, $": {format.Number(cell.Count)} ({share}; {(guidance is null ? status : $"{guidance}; {status}")})\n");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
        AppendLegend(html, words);
        AppendList(html, text, words.Promotions, format.List(summary.Promotions));
        AppendList(html, text, words.HighPerformersAtRisk, format.List(summary.HighPerformersAtRisk));
        AppendCompletion(html, text, words, summary.Completion, format);
        return new TemplateValue(html.ToString(), text.ToString());
    }

    private static NineBoxSvgWords SvgWords(LeadershipSummaryNotice summary, LanguagePack pack, ValueFormatter format)
    {
        var words = pack.Summary;
        return new NineBoxSvgWords(
            words.GridCaption,
            string.Format(format.Culture, words.GridDescription, format.Number(summary.TotalPlaced)),
            words.PerformanceAxis,
            words.PotentialAxis,
            [words.Low, words.Medium, words.High],
            words.Guidance,
            words.ShareLegend,
            words.Box,
            format.Number,
            format.Percentage);
    }

    private static (string Colour, string Status) Status(NineBoxCell cell, SummaryPhrases words)
    {
        if (cell.GuidancePercentage is not { } guidance)
        {
            return (NoGuidanceColour, words.NoGuidance);
        }

        var difference = cell.Percentage - guidance;
        return difference > Tolerance ? (AboveColour, words.AboveGuidance)
            : difference < -Tolerance ? (BelowColour, words.BelowGuidance)
            : (WithinColour, words.WithinGuidance);
    }

    private static void AppendLegend(StringBuilder html, SummaryPhrases words)
    {
        html.Append("<p style=\"margin:0 0 16px 0;font-size:12px;color:#4b5563;\">");
        foreach (var (colour, label) in new[] { (WithinColour, words.WithinGuidance), (AboveColour, words.AboveGuidance), (BelowColour, words.BelowGuidance), (NoGuidanceColour, words.NoGuidance) })
        {
            html.Append("<span style=\"background-color:").Append(colour).Append(";border:1px solid #d1d5db;\">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;")
                .Append(TemplateCompiler.Encoder.Encode(label)).Append(" &nbsp; ");
        }

        html.Append("</p>");
    }

    private static void AppendList(StringBuilder html, StringBuilder text, string heading, TemplateValue list)
    {
        html.Append(Heading).Append(TemplateCompiler.Encoder.Encode(heading)).Append("</p>");
        html.Append(list.Html.StartsWith("<ul", StringComparison.Ordinal) ? list.Html : $"<p style=\"margin:0 0 16px 0;\">{list.Html}</p>");
        text.Append('\n').Append(heading).Append(":\n").Append(list.Text.StartsWith("  - ", StringComparison.Ordinal) ? list.Text : $"  {list.Text}\n");
    }

    private static void AppendCompletion(StringBuilder html, StringBuilder text, SummaryPhrases words, IReadOnlyList<CompletionRate> completion, ValueFormatter format)
    {
        var lines = completion.Select(c =>
            $"{words.Step(c.Step)}: {format.Number(c.Completed)}/{format.Number(c.Total)} ({format.Percentage(c.Total == 0 ? 0 : 100.0 * c.Completed / c.Total)})").ToList();
        AppendList(html, text, words.Completion, format.List(lines));
    }
}
