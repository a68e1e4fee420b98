using System.Globalization;
using TalentReview.Domain;
using TalentReview.Domain.Calibration;
using TalentReview.Domain.NineBox;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using F = TalentReview.Web.Calibration.FairnessTexts;

namespace TalentReview.Web.Calibration;

/// <summary>
/// The fairness view on the board: per grouping, each category's spread over the performance and
/// potential levels next to the whole group's. Only what <see cref="FairnessAnalysis"/> lets through
/// is shown; a hidden number reads "—".
/// </summary>
internal static class FairnessSection
{
    private static readonly RatingLevel[] HighFirst = [RatingLevel.High, RatingLevel.Moderate, RatingLevel.Low];

    public static Markup Render(Language language, FairnessView view)
    {
        return H.Html($"""
            <section class="panel" aria-labelledby="fairness-title">
            <h2 id="fairness-title">{F.Title[language]}</h2>
            <p class="hint">{F.Intro.Format(language, view.MinCellSize, view.AgeReferenceYear.ToString(CultureInfo.InvariantCulture))}</p>
            {(view.Members == 0 ? H.Html($"""<p>{F.NonePlaced[language]}</p>""") : H.Join(view.Breakdowns.Select(b => Breakdown(language, view, b))))}
            </section>
            """);
    }

    private static Markup Breakdown(Language language, FairnessView view, FairnessBreakdown breakdown)
    {
        var id = "fairness-" + breakdown.Dimension.ToString().ToLowerInvariant();
        var levels = HighFirst.Select(l => H.Html($"""<th scope="col">{DomainTexts.Of(l)[language]}</th>"""));
        var nothingGiven = breakdown.Rows is [{ Category: FairnessCategory.NotGiven }];
        return H.Html($"""
            <h3 id="{id}">{F.Of(breakdown.Dimension)[language]}</h3>
            {(nothingGiven
                ? H.Html($"""<p>{F.NothingGiven[language]}</p>""")
                : H.Html($"""
                    <div class="table-scroll"><table class="fairness" aria-labelledby="{id}">
                    <thead>
                    <tr><td></td><td></td><th scope="colgroup" colspan="3">{Texts.Performance[language]}</th><th scope="colgroup" colspan="3">{Texts.Potential[language]}</th></tr>
                    <tr><th scope="col">{F.Of(breakdown.Dimension)[language]}</th><th scope="col">{F.People[language]}</th>{levels}{levels}</tr>
                    </thead>
                    <tbody>
                    <tr class="whole"><th scope="row">{F.WholeGroup[language]}</th><td>{view.Members}</td>{Cells(language, view.WholeGroup, null)}</tr>
                    {breakdown.Rows.Select(r => H.Html($"""<tr><th scope="row">{F.Of(r.Category)[language]}</th><td>{(r.Members is { } n ? n.ToString(CultureInfo.InvariantCulture) : "—")}</td>{Cells(language, r.Shares, view.WholeGroup)}</tr>"""))}
                    </tbody>
                    </table></div>
                    """))}
            """);
    }

    private static IEnumerable<Markup> Cells(Language language, LevelShares shares, LevelShares? whole)
    {
        foreach (var (row, group) in new[] { (shares.Performance, whole?.Performance), (shares.Potential, whole?.Potential) })
        {
            foreach (var level in HighFirst)
            {
                var share = row[(int)level];
                if (share is null)
                {
                    yield return H.Html($"""<td class="muted" title="{F.Hidden[language]}">—</td>""");
                    continue;
                }

                var percent = share.Percent.ToString("0", CultureInfo.InvariantCulture) + "%";
                var difference = group?[(int)level] is { } groupShare ? share.Percent - groupShare.Percent : (decimal?)null;
                yield return difference is { } points
                    ? H.Html($"""<td>{percent} <span class="muted">({points.ToString("+0;-0;±0", CultureInfo.InvariantCulture)})</span></td>""")
                    : H.Html($"""<td>{percent}</td>""");
            }
        }
    }
}
