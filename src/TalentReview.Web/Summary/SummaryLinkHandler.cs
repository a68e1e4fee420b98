using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Summaries;
using TalentReview.Web.Calibration;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;
using T = TalentReview.Web.Summary.SummaryTexts;

namespace TalentReview.Web.Summary;

/// <summary>
/// The organisation's summary for leadership (and HR): the grid as a heat map for the cycle and per
/// calibration group, aggregates and a few names, no evaluation text. A box of the cycle's grid lists
/// its people (name, group, decision) on the same signed link, with only the box's name in the query.
/// </summary>
internal sealed class SummaryLinkHandler(ReviewStore store) : ILinkStepHandler
{
    private const string OrganisationScope = "all";

    public LinkStep Step => LinkStep.LeadershipSummary;

    public async Task<IResult> ShowAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var claims = link.Claims;
        var cycle = await store.GetCycleAsync(claims.CycleId, cancellationToken);
        var reader = cycle?.Leadership.Concat(cycle.Hr).FirstOrDefault(c => c.Id == claims.RecipientId);
        if (cycle is null || reader is null || claims.SubjectId != cycle.CycleId)
        {
            return LinkPages.Invalid(link.BrowserLanguage);
        }

        var user = link.Http.User;
        if (user.Identity?.IsAuthenticated == true && !user.IsInRole(Roles.Leadership) && !user.IsInRole(Roles.HrAdmin))
        {
            return LinkPages.NotForYou(reader.Language);
        }

        var language = reader.Language;
        var title = T.Title.Format(language, cycle.Name);
        if (await store.GetSummaryAsync(cycle.CycleId, OrganisationScope, cancellationToken) is not { } document)
        {
            return new HtmlPage(language, title, H.Html($"""<p class="lead">{T.NotReady[language]}</p>"""));
        }

        var summary = document.Summary;
        var atRisk = new List<string>();
        foreach (var employeeId in summary.HighPerformersAtRisk)
        {
            atRisk.Add((await store.GetParticipantAsync(cycle.CycleId, employeeId, cancellationToken))?.Name ?? employeeId);
        }

        var groups = new List<CalibrationGroupDocument>();
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(cycle.CycleId, after, 100, cancellationToken);
            groups.AddRange(page.Items.Select(i => i.Value));
            after = page.NextAfterId;
        }
        while (after is not null);

        var groupSummaries = new List<CycleSummary>();
        foreach (var group in groups.OrderBy(g => g.Name, StringComparer.Create(Cultures.For(language), ignoreCase: true)))
        {
            if (await store.GetSummaryAsync(cycle.CycleId, group.GroupId, cancellationToken) is { } groupSummary)
            {
                groupSummaries.Add(groupSummary.Summary with { Scope = group.Name });
            }
        }

        var drillDown = await DrillDownAsync(link, cycle.CycleId, groups, language, cancellationToken);
        return new HtmlPage(language, title, Render(summary, groupSummaries, atRisk, drillDown, language));
    }

    public Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken)
        => Task.FromResult<IResult>(Results.StatusCode(StatusCodes.Status405MethodNotAllowed));

    /// <summary>The people in the box the query names, or nothing when it names none; an unknown name says so.</summary>
    private async Task<Markup> DrillDownAsync(LinkContext link, string cycleId, List<CalibrationGroupDocument> groups, Language language, CancellationToken cancellationToken)
    {
        var asked = link.Http.Request.Query[SummaryGrid.BoxParameter].ToString();
        if (asked.Length == 0)
        {
            return Markup.Empty;
        }

        // An exact name only: Enum.TryParse would also take numbers and comma lists that combine to a box.
        if (Enum.GetValues<GridBox>().Where(b => b.ToString() == asked).Select(b => (GridBox?)b).FirstOrDefault() is not { } box)
        {
            return H.Html($"""<section id="people" class="panel"><p class="field-error" role="alert">{T.UnknownBox.Format(language, asked)}</p></section>""");
        }

        var people = new List<(string Name, string Group, string Decision)>();
        foreach (var group in groups)
        {
            var members = await store.GetGroupParticipantsAsync(cycleId, group.GroupId, cancellationToken);
            for (var chunk = 0; chunk < group.Chunks; chunk++)
            {
                var cards = (await store.GetCardsAsync(cycleId, group.GroupId, chunk, cancellationToken))?.Cards ?? [];
                var decisions = ((await store.GetDecisionsAsync(cycleId, group.GroupId, chunk, cancellationToken))?.Decisions ?? [])
                    .ToDictionary(d => d.EmployeeId, StringComparer.Ordinal);
                foreach (var card in cards.Where(c => c.Current?.Box == box))
                {
                    var name = members.GetValueOrDefault(card.EmployeeId)?.Name ?? card.EmployeeId;
                    var decision = decisions.GetValueOrDefault(card.EmployeeId) is { } d ? DomainTexts.Of(d.Type)[language] : T.NoDecision[language];
                    people.Add((name, group.Name, decision));
                }
            }
        }

        var order = StringComparer.Create(Cultures.For(language), ignoreCase: true);
        var rows = people.OrderBy(p => p.Name, order).ThenBy(p => p.Group, order).Select(p => H.Html(
            $"""<tr><th scope="row">{p.Name}</th><td>{p.Group}</td><td>{p.Decision}</td></tr>"""));
        var boxName = DomainTexts.BoxName(box, language);
        return H.Html($"""
            <section id="people" class="panel" aria-labelledby="people-title">
            <h2 id="people-title">{T.PeopleIn.Format(language, boxName, people.Count)}</h2>
            {(people.Count == 0 ? H.Html($"<p>{T.None[language]}</p>") : H.Html($"""<div class="table-scroll"><table><thead><tr><th scope="col">{T.Name[language]}</th><th scope="col">{T.Group[language]}</th><th scope="col">{T.Decision[language]}</th></tr></thead><tbody>{rows}</tbody></table></div>"""))}
            <p><a href="?">{T.CloseList[language]}</a></p>
            </section>
            """);
    }

    private static Markup Render(CycleSummary summary, List<CycleSummary> groups, List<string> atRisk, Markup drillDown, Language language)
    {
        var boxes = summary.Boxes.OrderByDescending(b => (int)b.Box).Select(b => H.Html(
            $"""<tr><th scope="row"><a href="?{SummaryGrid.BoxParameter}={b.Box.ToString()}#people">{DomainTexts.BoxName(b.Box, language)}</a></th><td>{b.Count}</td><td>{b.Percent:0.#}%</td><td>{b.GuidancePercent:0.#}%</td><td>{b.DeviationPoints:+0.#;-0.#;0}</td></tr>"""));
        var decisions = summary.Decisions.Where(d => d.Count > 0).Select(d => H.Html(
            $"""<tr><th scope="row">{DomainTexts.Of(d.Type)[language]}</th><td>{d.Count}</td></tr>"""));
        var completion = summary.Completion.Select(c => H.Html(
            $"""<tr><th scope="row">{DomainTexts.Of(c.Step)[language]}</th><td>{c.Completed} / {c.Expected}</td><td>{c.Percent:0}%</td></tr>"""));
        return H.Html($"""
            <p class="lead">{T.Population.Format(language, summary.Population, summary.AdjustmentCount, summary.EmployeesAdjusted, summary.PlacementCount)}</p>
            <h2>{T.Grid[language]}</h2>
            <p class="hint">{T.DrillDownHint[language]}</p>
            {SummaryGrid.Svg("grid-all", summary, T.Organisation[language], language, linked: true)}
            {drillDown}
            <div class="table-scroll"><table>
            <thead><tr><th scope="col">{CalibrationTexts.Box[language]}</th><th scope="col">{T.Count[language]}</th><th scope="col">{CalibrationTexts.Actual[language]}</th><th scope="col">{CalibrationTexts.Guidance[language]}</th><th scope="col">Δ</th></tr></thead>
            <tbody>{boxes}</tbody>
            </table></div>
            <h2>{T.PerGroup[language]}</h2>
            {(groups.Count == 0 ? H.Html($"<p>{T.None[language]}</p>") : Markup.Join(groups.Select((g, i) => H.Html($"""<section class="group-grid"><h3>{g.Scope}</h3><p class="hint">{T.GroupPopulation.Format(language, g.Population)}</p>{SummaryGrid.Svg($"grid-group-{i + 1}", g, g.Scope, language, linked: false)}</section>"""))))}
            <h2>{T.Decisions[language]}</h2>
            <table><thead><tr><th scope="col">{T.Decisions[language]}</th><th scope="col">{T.Count[language]}</th></tr></thead><tbody>{decisions}</tbody></table>
            <h2>{T.AtRisk[language]}</h2>
            {(atRisk.Count == 0 ? H.Html($"<p>{T.None[language]}</p>") : H.Html($"<ul>{atRisk.Select(n => H.Html($"<li>{n}</li>"))}</ul>"))}
            <h2>{T.Completion[language]}</h2>
            <table><thead><tr><th scope="col">{T.Step[language]}</th><th scope="col">{T.Completed[language]}</th><th scope="col">%</th></tr></thead><tbody>{completion}</tbody></table>
            """);
    }
}
