using System.Globalization;
using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Summaries;
using TalentReview.Web.Calibration;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Notifications;
using T = TalentReview.Web.Summary.SummaryTexts;

namespace TalentReview.Web.Summary;

/// <summary>A summary's grid as the SVG heat map, in the reader's language.</summary>
internal static class SummaryGrid
{
    /// <summary>The query parameter that names the box to list: a box name, nothing personal.</summary>
    public const string BoxParameter = "box";

    /// <summary>
    /// The heat map of <paramref name="summary"/>, titled with <paramref name="scopeName"/>; with <paramref name="linked"/> each box leads to the
    /// list of its people on the same signed link.
    /// </summary>
    public static Markup Svg(string id, CycleSummary summary, string scopeName, Language language, bool linked)
    {
        var culture = Cultures.For(language);
        var cells = summary.Boxes.Select(b =>
        {
            var position = GridPosition.Of(b.Box);
            return new NineBoxCell((int)position.Performance + 1, (int)position.Potential + 1, b.Box.ToString(), b.Count, (double)b.Percent, (double)b.GuidancePercent);
        }).ToList();
        var words = new NineBoxSvgWords(
            T.GridTitle.Format(language, scopeName),
            T.GridDescription.Format(language, summary.Population),
            Texts.Performance[language],
            Texts.Potential[language],
            [Texts.Low[language], Texts.Moderate[language], Texts.High[language]],
            CalibrationTexts.Guidance[language].ToLower(culture),
            T.ShareLegend[language],
            code => Enum.TryParse<GridBox>(code, out var box) ? DomainTexts.BoxName(box, language) : code,
            count => count.ToString("N0", culture),
            percent => Percent(percent, language));
        // NineBoxSvg escapes every text and attribute it writes, so its output is markup as it stands.
        return new Markup(NineBoxSvg.Render(id, cells, words, linked ? cell => $"?{BoxParameter}={cell.Label}#people" : null));
    }

    public static string Percent(double percent, Language language)
        => percent.ToString("0.#", Cultures.For(language)) + (language == Language.En ? "%" : "\u00A0%");
}
