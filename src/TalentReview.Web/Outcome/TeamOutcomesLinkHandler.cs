using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Web.Talent.FollowUp;
using TalentReview.Web.Talent.Profile;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;
using T = TalentReview.Web.Outcome.OutcomeTexts;

namespace TalentReview.Web.Outcome;

/// <summary>
/// Released outcomes as a manager sees them: the whole team (team-outcomes link), or the one report
/// a follow-up reminder is about. Read-only; nothing before the release.
/// </summary>
internal abstract class ManagerOutcomesHandler(ReviewStore store) : ILinkStepHandler
{
    public abstract LinkStep Step { get; }

    public async Task<IResult> ShowAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var claims = link.Claims;
        var cycle = await store.GetCycleAsync(claims.CycleId, cancellationToken);
        var manager = cycle is null ? null : await store.GetTeamAsync(cycle.CycleId, claims.RecipientId, cancellationToken);
        if (cycle is null || manager is null || claims.Nonce != WorkflowLinks.ReleaseNonce)
        {
            return LinkPages.Invalid(link.BrowserLanguage);
        }

        var language = manager.Manager.Language;
        if (cycle.State is not (CycleState.ManagersReleased or CycleState.Released))
        {
            return new HtmlPage(language, T.TeamTitle[language], H.Html($"""<p class="lead">{T.NotReleased[language]}</p>"""));
        }

        var rows = new List<Markup>();
        foreach (var participant in await ReportsAsync(cycle.CycleId, claims, cancellationToken))
        {
            var chunk = ReviewStore.ChunkOf(participant.GroupOrdinal);
            var card = (await store.GetCardsAsync(cycle.CycleId, participant.GroupId, chunk, cancellationToken))?.Cards.FirstOrDefault(c => c.EmployeeId == participant.EmployeeId);
            var decisions = await store.GetDecisionsAsync(cycle.CycleId, participant.GroupId, chunk, cancellationToken);
            var decision = decisions is { Final: true } ? decisions.Decisions.FirstOrDefault(d => d.EmployeeId == participant.EmployeeId) : null;
            var box = card?.Current is { } position ? DomainTexts.BoxName(position.Box, language) : "—";
            var outcome = decision is null ? T.NoDecision[language] : DomainTexts.Of(decision.Type)[language];
            var acknowledgement = cycle.State == CycleState.Released ? await store.GetAcknowledgementAsync(cycle.CycleId, participant.EmployeeId, cancellationToken) : null;
            var acknowledged = acknowledgement is null ? "—" : Cultures.Date(cycle.Plan.Time.DateOf(acknowledgement.AcknowledgedAt), language);
            rows.Add(H.Html($"""<tr><th scope="row">{participant.Name}</th><td>{box}</td><td>{outcome}</td><td>{acknowledged}</td><td>{acknowledgement?.Comment ?? "—"}</td></tr>"""));
        }

        var more = await MoreAsync(link, cycle, language, cancellationToken);
        var prompt = cycle.State == CycleState.ManagersReleased
            ? H.Html($"""<p class="notice" role="status">{T.ConversationFirst[language]} {(cycle.Release?.EmployeesDue(cycle.Plan) is { } due
                ? T.EmployeesOn.Format(language, Cultures.Date(cycle.Plan.Time.DateOf(due), language))
                : T.EmployeesLater[language])}</p>""")
            : Markup.Empty;
        return new HtmlPage(language, T.TeamTitle[language], H.Html($"""
            {prompt}
            <p class="lead">{T.TeamIntro[language]}</p>
            <table>
            <thead><tr><th scope="col">{T.Employee[language]}</th><th scope="col">{T.Box[language]}</th><th scope="col">{T.Decision[language]}</th><th scope="col">{T.AcknowledgedOn[language]}</th><th scope="col">{T.EmployeeComment[language]}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            {more}
            """));
    }

    public virtual Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken)
        => Task.FromResult<IResult>(Results.StatusCode(StatusCodes.Status405MethodNotAllowed));

    /// <summary>What the page shows below the outcomes table.</summary>
    protected virtual Task<Markup> MoreAsync(LinkContext link, CycleDocument cycle, Language language, CancellationToken cancellationToken) => Task.FromResult(Markup.Empty);

    protected abstract Task<IReadOnlyList<ParticipantDocument>> ReportsAsync(string cycleId, LinkClaims claims, CancellationToken cancellationToken);

    protected ReviewStore Store => store;
}

internal sealed class TeamOutcomesLinkHandler(ReviewStore store, ReportingLineProfiles profiles) : ManagerOutcomesHandler(store)
{
    public override LinkStep Step => LinkStep.TeamOutcomes;

    protected override async Task<Markup> MoreAsync(LinkContext link, CycleDocument cycle, Language language, CancellationToken cancellationToken)
        => await profiles.RenderAsync(link.Claims, language, cancellationToken);

    protected override async Task<IReadOnlyList<ParticipantDocument>> ReportsAsync(string cycleId, LinkClaims claims, CancellationToken cancellationToken)
    {
        var reports = new List<ParticipantDocument>();
        string? after = null;
        do
        {
            var page = await Store.QueryParticipantsAsync(cycleId, new ParticipantFilter(ManagerId: claims.RecipientId), after, 200, cancellationToken);
            reports.AddRange(page.Items.Select(i => i.Value));
            after = page.NextAfterId;
        }
        while (after is not null);
        return [.. reports.OrderBy(p => p.Name, StringComparer.Ordinal)];
    }
}

internal sealed class FollowUpLinkHandler(ReviewStore store, FollowUpRecording recording) : ManagerOutcomesHandler(store)
{
    public override LinkStep Step => LinkStep.FollowUp;

    protected override Task<Markup> MoreAsync(LinkContext link, CycleDocument cycle, Language language, CancellationToken cancellationToken)
        => recording.RenderAsync(link, cycle, language, cancellationToken);

    public override async Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken)
        => await recording.RecordAsync(link, cancellationToken);

    protected override async Task<IReadOnlyList<ParticipantDocument>> ReportsAsync(string cycleId, LinkClaims claims, CancellationToken cancellationToken)
        => await Store.GetParticipantAsync(cycleId, claims.SubjectId, cancellationToken) is { } participant && participant.ManagerId == claims.RecipientId
            ? [participant]
            : [];
}
