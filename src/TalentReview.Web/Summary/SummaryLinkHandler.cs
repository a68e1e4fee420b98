using Microsoft.AspNetCore.Http;
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

/// <summary>The organisation's summary for leadership (and HR): aggregates and a few names, no evaluation text.</summary>
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

        return new HtmlPage(language, title, Render(summary, atRisk, language));
    }

    public Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken)
        => Task.FromResult<IResult>(Results.StatusCode(StatusCodes.Status405MethodNotAllowed));

    private static Markup Render(CycleSummary summary, List<string> atRisk, Domain.Language language)
    {
        var boxes = summary.Boxes.OrderByDescending(b => (int)b.Box).Select(b => H.Html(
            $"""<tr><th scope="row">{DomainTexts.BoxName(b.Box, language)}</th><td>{b.Count}</td><td>{b.Percent:0.#}%</td><td>{b.GuidancePercent:0.#}%</td><td>{b.DeviationPoints:+0.#;-0.#;0}</td></tr>"""));
        var decisions = summary.Decisions.Where(d => d.Count > 0).Select(d => H.Html(
            $"""<tr><th scope="row">{DomainTexts.Of(d.Type)[language]}</th><td>{d.Count}</td></tr>"""));
        var completion = summary.Completion.Select(c => H.Html(
            $"""<tr><th scope="row">{DomainTexts.Of(c.Step)[language]}</th><td>{c.Completed} / {c.Expected}</td><td>{c.Percent:0}%</td></tr>"""));
        return H.Html($"""
            <p class="lead">{T.Population.Format(language, summary.Population, summary.AdjustmentCount, summary.EmployeesAdjusted, summary.PlacementCount)}</p>
            <h2>{T.Grid[language]}</h2>
            <table>
            <thead><tr><th scope="col">{CalibrationTexts.Box[language]}</th><th scope="col">{T.Count[language]}</th><th scope="col">{CalibrationTexts.Actual[language]}</th><th scope="col">{CalibrationTexts.Guidance[language]}</th><th scope="col">Δ</th></tr></thead>
            <tbody>{boxes}</tbody>
            </table>
            <h2>{T.Decisions[language]}</h2>
            <table><thead><tr><th scope="col">{T.Decisions[language]}</th><th scope="col">{T.Count[language]}</th></tr></thead><tbody>{decisions}</tbody></table>
            <h2>{T.AtRisk[language]}</h2>
            {(atRisk.Count == 0 ? H.Html($"<p>{T.None[language]}</p>") : H.Html($"<ul>{atRisk.Select(n => H.Html($"<li>{n}</li>"))}</ul>"))}
            <h2>{T.Completion[language]}</h2>
            <table><thead><tr><th scope="col">{T.Step[language]}</th><th scope="col">{T.Completed[language]}</th><th scope="col">%</th></tr></thead><tbody>{completion}</tbody></table>
            """);
    }
}
