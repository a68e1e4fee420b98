using System.Globalization;
using System.Text;

namespace TalentReview.Workflow.Notifications;

/// <summary>
/// The words a <see cref="NineBoxSvg"/> shows, already in the reader's language: axis names, the three
/// levels (low to high), the word for guidance, a box name from a cell's code, and how a number and a
/// share are written.
/// </summary>
public sealed record NineBoxSvgWords(
    string Title,
    string Description,
    string PerformanceAxis,
    string PotentialAxis,
    IReadOnlyList<string> Levels,
    string Guidance,
    string ShareLegend,
    Func<string, string> BoxName,
    Func<int, string> Number,
    Func<double, string> Percent);

/// <summary>
/// The nine-box grid as an inline SVG heat map: performance across (low to high), potential up, each
/// box shaded by its share, with its name, count, share and guidance written in it. Written by hand:
/// nine rectangles and their text need no charting library, and one string renderer serves the page
/// and the email alike. Every text is escaped; the shades keep text contrast at 4.5:1 or better.
/// </summary>
public static class NineBoxSvg
{
    private const int Left = 96;
    private const int Top = 8;
    private const int BoxWidth = 168;
    private const int BoxHeight = 92;
    private const int Width = Left + (3 * BoxWidth) + 8;
    private const int GridBottom = Top + (3 * BoxHeight);
    private const int Height = GridBottom + 92;

    /// <summary>Lowest share (in %) of each shade, with the text colour that stays readable on it.</summary>
    private static readonly (double From, string Fill, string Ink)[] Shades =
    [
        (0, "#f3f4f6", "#111827"),
        (5, "#dbeafe", "#111827"),
        (15, "#93c5fd", "#111827"),
        (25, "#2563eb", "#ffffff"),
        (35, "#1e3a8a", "#ffffff"),
    ];

    /// <summary>
    /// The SVG; <paramref name="id"/> keeps its title and description ids unique when a page shows several
    /// grids, and <paramref name="link"/> gives, per cell, where a click on the box leads (null: no link).
    /// </summary>
    public static string Render(string id, IReadOnlyList<NineBoxCell> cells, NineBoxSvgWords words, Func<NineBoxCell, string?>? link = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(words);
        var svg = new StringBuilder(6_144);
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" role="img" data-grid="{Escape(id)}" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" font-family="Arial,Helvetica,sans-serif" aria-labelledby="{Escape(id)}-title {Escape(id)}-desc">""")
            .Append("<title id=\"").Append(Escape(id)).Append("-title\">").Append(Escape(words.Title)).Append("</title>")
            .Append("<desc id=\"").Append(Escape(id)).Append("-desc\">").Append(Escape(words.Description)).Append("</desc>");
        for (var potential = 3; potential >= 1; potential--)
        {
            for (var performance = 1; performance <= 3; performance++)
            {
                var cell = cells.FirstOrDefault(c => c.Performance == performance && c.Potential == potential)
                    ?? new NineBoxCell(performance, potential, "", 0, 0, null);
                AppendBox(svg, cell, words, link?.Invoke(cell));
            }
        }

        for (var level = 1; level <= 3; level++)
        {
            var x = Left + ((level - 1) * BoxWidth) + (BoxWidth / 2);
            var y = Top + ((3 - level) * BoxHeight) + (BoxHeight / 2);
            AppendText(svg, x, GridBottom + 18, "middle", "12", "#111827", words.Levels[level - 1]);
            AppendText(svg, Left - 8, y, "end", "12", "#111827", words.Levels[level - 1]);
        }

        AppendText(svg, Left + (3 * BoxWidth / 2), GridBottom + 38, "middle", "13", "#111827", $"{words.PerformanceAxis} \u2192", bold: true);
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="16" y="{Top + (3 * BoxHeight / 2)}" text-anchor="middle" font-size="13" font-weight="bold" fill="#111827" transform="rotate(-90 16 {Top + (3 * BoxHeight / 2)})">""")
            .Append(Escape($"{words.PotentialAxis} \u2192")).Append("</text>");
        AppendLegend(svg, words);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The shade of a share, so the legend and a page's own key agree with the boxes.</summary>
    public static (string Fill, string Ink) ShadeOf(double percent)
    {
        var shade = Shades.Last(s => percent >= s.From);
        return (shade.Fill, shade.Ink);
    }

    private static void AppendBox(StringBuilder svg, NineBoxCell cell, NineBoxSvgWords words, string? href)
    {
        var x = Left + ((cell.Performance - 1) * BoxWidth);
        var y = Top + ((3 - cell.Potential) * BoxHeight);
        var (fill, ink) = ShadeOf(cell.Percentage);
        var name = cell.Label.Length > 0 ? words.BoxName(cell.Label) : "";
        var figures = $"{words.Number(cell.Count)} \u00B7 {words.Percent(cell.Percentage)}";
        var guidance = cell.GuidancePercentage is { } g ? $"{words.Guidance} {words.Percent(g)}" : "";
        if (href is not null)
        {
            svg.Append("<a href=\"").Append(Escape(href)).Append("\">");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<g data-box="{Escape(cell.Label)}" data-count="{cell.Count}">""")
            .Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{y}" width="{BoxWidth}" height="{BoxHeight}" fill="{fill}" stroke="#ffffff" stroke-width="2"/>""");
        AppendText(svg, x + 10, y + 24, "start", "13", ink, name, bold: true);
        AppendText(svg, x + 10, y + 50, "start", "18", ink, figures, bold: true, part: "figures");
        AppendText(svg, x + 10, y + 74, "start", "12", ink, guidance, part: "guidance");
        svg.Append("</g>");
        if (href is not null)
        {
            svg.Append("</a>");
        }
    }

    private static void AppendLegend(StringBuilder svg, NineBoxSvgWords words)
    {
        var y = GridBottom + 56;
        AppendText(svg, Left, y + 13, "start", "12", "#111827", words.ShareLegend);
        var x = Left + 8 + (7 * words.ShareLegend.Length);
        for (var i = 0; i < Shades.Length; i++)
        {
            var label = i + 1 < Shades.Length
                ? $"{words.Percent(Shades[i].From)}\u2013{words.Percent(Shades[i + 1].From)}"
                : $"\u2265 {words.Percent(Shades[i].From)}";
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{y}" width="16" height="16" fill="{Shades[i].Fill}" stroke="#6b7280"/>""");
            AppendText(svg, x + 20, y + 13, "start", "11", "#111827", label);
            x += 28 + (7 * label.Length);
        }
    }

    private static void AppendText(StringBuilder svg, int x, int y, string anchor, string size, string ink, string text, bool bold = false, string? part = null)
    {
        if (text.Length == 0)
        {
            return;
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="{size}" fill="{ink}" """);
        if (bold)
        {
            svg.Append("font-weight=\"bold\" ");
        }

        // Data attributes rather than classes: email clients drop or rewrite classes.
        if (part is not null)
        {
            svg.Append("data-part=\"").Append(part).Append("\" ");
        }

        svg.Append('>').Append(Escape(text)).Append("</text>");
    }

    /// <summary>Escapes text and attribute values alike, for SVG inside HTML and on its own.</summary>
    public static string Escape(string text)
        => text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);
}
