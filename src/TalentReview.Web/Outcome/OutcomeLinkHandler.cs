using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Web.SelfAssessment;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;
using T = TalentReview.Web.Outcome.OutcomeTexts;

namespace TalentReview.Web.Outcome;

/// <summary>
/// An employee's released outcome: only what the plan's release settings show (potential is hidden
/// unless the plan says otherwise), and nothing at all before the release.
/// </summary>
internal sealed class OutcomeLinkHandler(ReviewStore store, SubmissionCommands submissions) : ILinkStepHandler
{
    public LinkStep Step => LinkStep.EmployeeOutcome;

    public async Task<IResult> ShowAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var (cycle, participant, refusal) = await LoadAsync(link, cancellationToken);
        return refusal ?? await RenderAsync(link, cycle!, participant!, null, cancellationToken);
    }

    public async Task<IResult> SubmitAsync(LinkContext link, IFormCollection form, CancellationToken cancellationToken)
    {
        var (cycle, participant, refusal) = await LoadAsync(link, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var typed = FormState.From(form);
        var result = await submissions.AcknowledgeOutcomeAsync(participant!, cycle!.State, FormValues.Optional(typed.Value("comment")), cancellationToken);
        if (result.Status == CommandStatus.Invalid)
        {
            typed.AddErrors(result.Errors.Select(e => e with { Code = "form.tooLong" }), participant!.Language);
            return await RenderAsync(link, cycle, participant!, typed, cancellationToken);
        }

        return SelfAssessmentLinkHandler.SeeOther(link.ActionPath);
    }

    private async Task<IResult> RenderAsync(LinkContext link, CycleDocument cycle, ParticipantDocument participant, FormState? invalid, CancellationToken cancellationToken)
    {
        var language = participant.Language;
        var release = cycle.Plan.Release;
        var chunk = ReviewStore.ChunkOf(participant.GroupOrdinal);
        var card = (await store.GetCardsAsync(cycle.CycleId, participant.GroupId, chunk, cancellationToken))?.Cards.FirstOrDefault(c => c.EmployeeId == participant.EmployeeId);
        var decisions = await store.GetDecisionsAsync(cycle.CycleId, participant.GroupId, chunk, cancellationToken);
        var decision = decisions is { Final: true } ? decisions.Decisions.FirstOrDefault(d => d.EmployeeId == participant.EmployeeId) : null;
        var acknowledgement = await store.GetAcknowledgementAsync(cycle.CycleId, participant.EmployeeId, cancellationToken);
        var position = card?.Current;
        var facts = new List<Markup>();
        if (release.ShowPerformance && position is { } performance)
        {
            facts.Add(H.Html($"<dt>{Texts.Performance[language]}</dt><dd>{DomainTexts.Of(performance.Performance)[language]}</dd>"));
        }

        if (release.ShowPotential && position is { } potential)
        {
            facts.Add(H.Html($"<dt>{Texts.Potential[language]}</dt><dd>{DomainTexts.Of(potential.Potential)[language]}</dd>"));
        }

        if (release.ShowBox && position is { } box)
        {
            facts.Add(H.Html($"<dt>{T.Box[language]}</dt><dd>{DomainTexts.BoxName(box.Box, language)}</dd>"));
        }

        if (release.ShowDecision)
        {
            facts.Add(H.Html($"<dt>{T.Decision[language]}</dt><dd>{(decision is null ? T.NoDecision[language] : DomainTexts.Of(decision.Type)[language])}</dd>"));
            facts.AddRange(DecisionFacts(decision, language));
        }

        var fields = new Fields(invalid ?? new FormState(), language);
        var acknowledgePart = acknowledgement is not null
            ? H.Html($"""
                <div class="notice" role="status"><p>{T.Acknowledged.Format(language, Cultures.Date(cycle.Plan.Time.DateOf(acknowledgement.AcknowledgedAt), language))}</p></div>
                {H.When(acknowledgement.Comment is not null, H.Html($"""<dl class="facts"><dt>{T.YourComment[language]}</dt><dd>{acknowledgement.Comment}</dd></dl>"""))}
                """)
            : H.Html($"""
                {fields.ErrorSummary(new Dictionary<string, string> { ["comment"] = T.Comment[language] })}
                <form method="post" action="{link.ActionPath}">
                {AntiforgeryField.For(link.Http)}
                {fields.TextArea("comment", T.Comment[language], required: false, T.AcknowledgeHint[language])}
                <div class="actions"><button type="submit">{T.Acknowledge[language]}</button></div>
                </form>
                """);
        return new HtmlPage(language, T.Title[language], H.Html($"""
            <p class="lead">{T.Intro[language]}</p>
            <div class="panel"><dl class="facts">{facts}</dl></div>
            {acknowledgePart}
            """), invalid is { HasErrors: true } ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    /// <summary>What the decision holds for the employee: the new role, the increase, the plan's goals and follow-up dates.</summary>
    private static IEnumerable<Markup> DecisionFacts(Decision? decision, Language language)
    {
        var culture = Cultures.For(language);
        Markup Fact(Phrase label, string value) => H.Html($"<dt>{label[language]}</dt><dd>{value}</dd>");
        string Date(DateOnly date) => date.ToString("d MMMM yyyy", culture);
        Markup Plan(IReadOnlyList<string> goals, IReadOnlyList<DateOnly> followUps) => H.Html($"""
            <dt>{T.Goals[language]}</dt><dd><ul>{goals.Select(g => H.Html($"<li>{g}</li>"))}</ul></dd>
            <dt>{T.FollowUps[language]}</dt><dd>{string.Join(", ", followUps.Select(Date))}</dd>
            """);
        return decision switch
        {
            PromotionDecision p => [Fact(T.NewLevel, p.NewLevel), Fact(T.NewJobTitle, p.NewJobTitle)],
            StepBackDecision s => [Fact(T.NewLevel, s.NewLevel), Fact(T.NewJobTitle, s.NewJobTitle)],
            MeritIncreaseDecision m => [Fact(T.Increase, string.Create(culture, $"{m.Percent:0.##} %"))],
            LateralMoveDecision l => [Fact(T.Department, l.TargetDepartment), Fact(T.JobTitle, l.TargetJobTitle)],
            JobRotationDecision r => [Fact(T.Department, r.TargetDepartment), Fact(T.Until, Date(r.ReturnsOn))],
            DevelopmentPlanDecision d => [Plan(d.Goals, d.FollowUps)],
            PerformanceImprovementPlanDecision i => [Plan(i.Goals, i.FollowUps)],
            ExitSupportDecision e => [Fact(T.Support, e.Support)],
            _ => [],
        };
    }

    private async Task<(CycleDocument? Cycle, ParticipantDocument? Participant, IResult? Refusal)> LoadAsync(LinkContext link, CancellationToken cancellationToken)
    {
        var claims = link.Claims;
        var participant = claims.SubjectId == claims.RecipientId ? await store.GetParticipantAsync(claims.CycleId, claims.SubjectId, cancellationToken) : null;
        var cycle = participant is null ? null : await store.GetCycleAsync(claims.CycleId, cancellationToken);
        if (participant is null || cycle is null)
        {
            return (null, null, LinkPages.Invalid(link.BrowserLanguage));
        }

        if (participant.OutcomeNonce != claims.Nonce)
        {
            return (null, null, LinkPages.Replaced(participant.Language));
        }

        return cycle.State == CycleState.Released
            ? (cycle, participant, null)
            : (null, null, new HtmlPage(participant.Language, T.Title[participant.Language], H.Html($"""<p class="lead">{T.NotReleased[participant.Language]}</p>""")));
    }
}
