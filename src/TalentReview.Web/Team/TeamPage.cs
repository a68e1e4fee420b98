using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Web.SelfAssessment;
using TalentReview.Workflow.Storage;
using T = TalentReview.Web.Team.TeamTexts;

namespace TalentReview.Web.Team;

/// <summary>One report on the team page: who, their self-assessment, and the manager's input (form or what was sent).</summary>
/// <param name="Shown">What the input form shows (nothing stored, or the draft's ETag), told to the next save.</param>
internal sealed record ReportView(
    int Index,
    ParticipantDocument Participant,
    Domain.Forms.SelfAssessment? SelfAssessment,
    ManagerInputDocument? Input,
    FormState State,
    string? Notice,
    ShownDraft Shown);

internal static class TeamPage
{
    public static HtmlPage Render(LinkContext link, Language language, IReadOnlyList<ReportView> reports, bool actingForManager, DateOnly? deadline)
    {
        var anyErrors = reports.Any(r => r.State.HasErrors);
        var sections = reports.Select(r => Report(link, language, r));
        return new HtmlPage(language, T.Title[language], H.Html($"""
            <p class="lead">{T.Intro[language]}</p>
            {H.When(actingForManager, H.Html($"""<div class="notice warn"><p>{T.ActingFor[language]}</p></div>"""))}
            {H.When(deadline is not null, H.Html($"""<p><strong>{Texts.Deadline.Format(language, deadline is { } d ? Cultures.Date(d, language) : "")}</strong></p>"""))}
            {H.When(reports.Count == 0, H.Html($"""<p>{T.NoReports[language]}</p>"""))}
            {sections}
            """), anyErrors ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    private static Markup Report(LinkContext link, Language language, ReportView report)
    {
        var participant = report.Participant;
        var headingId = $"r{report.Index}-name";
        var status = participant.ManagerInputState switch
        {
            StepState.Submitted => T.Done,
            StepState.Missing => T.Closed,
            _ => T.Pending,
        };
        var selfAssessment = report.SelfAssessment is { } submitted
            ? SelfAssessmentView.Render(submitted, language)
            : H.Html($"""<p>{T.NoSelfAssessment[language]}</p>""");
        var input = report.Input?.Submitted is { } sent
            ? H.Html($"""<h4>{Texts.WhatWasSent[language]}</h4>{Sent(sent, language)}""")
            : participant.ManagerInputState == StepState.Pending ? Form(link, language, report) : Markup.Empty;
        return H.Html($"""
            <section class="report" id="report-{report.Index}" aria-labelledby="{headingId}">
            <h2 id="{headingId}">{participant.Name} <span class="badge">{status[language]}</span></h2>
            <p class="hint">{participant.JobTitle} · {participant.Department}</p>
            {H.When(report.Notice is not null, H.Html($"""<div class="notice" role="status"><p>{report.Notice}</p></div>"""))}
            <div class="columns">
            <div><h3>{T.SelfAssessmentOf[language]}</h3>{selfAssessment}</div>
            <div><h3>{T.YourInput[language]}</h3>{input}</div>
            </div>
            </section>
            """);
    }

    private static Markup Form(LinkContext link, Language language, ReportView report)
    {
        var fields = new Fields(report.State, language, $"r{report.Index}");
        var name = report.Participant.Name;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["performance"] = T.Performance[language],
            ["potential.aspiration"] = T.Aspiration[language],
            ["potential.ability"] = T.Ability[language],
            ["potential.engagement"] = T.Engagement[language],
            ["readiness"] = T.Readiness[language],
            ["flightRisk"] = T.FlightRisk[language],
            ["recommendedOutcome"] = T.Recommendation[language],
            ["evidence"] = T.Evidence[language],
        };
        return H.Html($"""
            {fields.ErrorSummary(labels)}
            <form method="post" action="{link.ActionPath}#report-{report.Index}" novalidate>
            {AntiforgeryField.For(link.Http)}
            <input type="hidden" name="employeeId" value="{report.Participant.EmployeeId}">
            {ShownDraftField.For(report.Shown)}
            {fields.Scale("performance", T.Performance[language], Texts.ScoreScale[language])}
            <fieldset>
            <legend>{T.PotentialTitle[language]}</legend>
            <p class="hint">{T.PotentialHint[language]}</p>
            {fields.Scale("potential.aspiration", T.Aspiration[language])}
            {fields.Scale("potential.ability", T.Ability[language])}
            {fields.Scale("potential.engagement", T.Engagement[language])}
            </fieldset>
            {fields.Select("readiness", T.Readiness[language], DomainTexts.Choices<PromotionReadiness>(DomainTexts.Of, language), required: true)}
            {fields.Select("flightRisk", T.FlightRisk[language], DomainTexts.Choices<FlightRisk>(DomainTexts.Of, language), required: true)}
            {fields.Select("recommendedOutcome", T.Recommendation[language], DomainTexts.Choices<DecisionType>(DomainTexts.Of, language), required: true)}
            {fields.TextArea("evidence", T.Evidence[language], required: false, T.EvidenceHint[language])}
            <div class="actions">
            <button type="submit" name="action" value="submit">{T.SubmitFor.Format(language, name)}</button>
            <button type="submit" name="action" value="draft" class="secondary">{T.DraftFor.Format(language, name)}</button>
            </div>
            </form>
            """);
    }

    private static Markup Sent(ManagerInput input, Language language) => H.Html($"""
        <dl class="facts">
        <dt>{T.Performance[language]}</dt><dd>{input.Performance} / 5</dd>
        <dt>{T.Aspiration[language]}</dt><dd>{input.Potential.Aspiration} / 5</dd>
        <dt>{T.Ability[language]}</dt><dd>{input.Potential.Ability} / 5</dd>
        <dt>{T.Engagement[language]}</dt><dd>{input.Potential.Engagement} / 5</dd>
        <dt>{T.Readiness[language]}</dt><dd>{DomainTexts.Of(input.Readiness)[language]}</dd>
        <dt>{T.FlightRisk[language]}</dt><dd>{DomainTexts.Of(input.FlightRisk)[language]}</dd>
        <dt>{T.Recommendation[language]}</dt><dd>{DomainTexts.Of(input.RecommendedOutcome)[language]}</dd>
        <dt>{T.Evidence[language]}</dt><dd>{(string.IsNullOrEmpty(input.Evidence) ? Texts.NotGiven[language] : input.Evidence)}</dd>
        </dl>
        """);
}
