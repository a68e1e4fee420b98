using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.Forms;
using TalentReview.Web.Html;
using TalentReview.Workflow.Storage;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using Model = TalentReview.Domain.Forms.SelfAssessment;
using T = TalentReview.Web.SelfAssessment.SelfAssessmentTexts;

namespace TalentReview.Web.SelfAssessment;

internal static class SelfAssessmentPage
{
    /// <param name="shown">What the form shows (nothing stored, or the draft's ETag), told to the next save.</param>
    public static HtmlPage Form(LinkContext link, Language language, FormState state, DateOnly? deadline, bool draftSaved, ShownDraft? shown)
    {
        var fields = new Fields(state, language);
        var rows = SelfAssessmentForm.ObjectiveRows(state);
        var objectives = Enumerable.Range(0, rows).Select(i => H.Html($"""
            <fieldset>
            <legend>{T.ObjectiveNumber.Format(language, i + 1)}</legend>
            {fields.Text($"objectives[{i}].objective", T.Objective[language], required: i == 0)}
            {fields.Select($"objectives[{i}].outcome", T.Outcome[language], Enum.GetValues<ObjectiveOutcome>().Select(o => new Choice(o.ToString(), T.Of(o)[language])), required: i == 0)}
            {fields.TextArea($"objectives[{i}].evidence", T.Evidence[language], required: i == 0, rows: 3)}
            </fieldset>
            """));
        var competencies = T.CompetencyList.Select((c, i) => H.Html($"""
            {fields.Scale($"competencies[{i}].rating", c.Label[language])}
            {fields.TextArea($"competencies[{i}].comment", T.Comment[language] + " – " + c.Label[language], required: false, rows: 2)}
            """));
        var labels = ErrorLabels(language, rows);
        return new HtmlPage(language, T.Title[language], H.Html($"""
            {H.When(draftSaved, H.Html($"""<div class="notice" role="status"><p>{Texts.DraftSaved[language]}</p></div>"""))}
            {fields.ErrorSummary(labels)}
            <p class="lead">{T.Intro[language]}</p>
            {H.When(deadline is not null, H.Html($"""<p><strong>{Texts.Deadline.Format(language, deadline is { } d ? Cultures.Date(d, language) : "")}</strong></p>"""))}
            <form method="post" action="{link.ActionPath}" novalidate>
            {AntiforgeryField.For(link.Http)}
            {ShownDraftField.For(shown)}
            <h2>{T.Objectives[language]}</h2>
            <p class="hint">{T.ObjectivesHint[language]}</p>
            {objectives}
            <h2>{T.Competencies[language]}</h2>
            <p class="hint">{Texts.ScoreScale[language]}</p>
            {competencies}
            <h2>{T.Achievements[language]}</h2>
            {fields.TextArea("achievements", T.Achievements[language], required: true)}
            {fields.Scale("overallSelfRating", T.OverallRating[language], Texts.ScoreScale[language])}
            <h2>{T.Aspiration[language]}</h2>
            {fields.Select("aspiration", T.Aspiration[language], Enum.GetValues<CareerAspiration>().Select(a => new Choice(a.ToString(), T.Of(a)[language])), required: true)}
            {fields.TextArea("aspirationNote", T.AspirationNote[language], required: false, rows: 3)}
            {fields.TextArea("developmentWishes", T.DevelopmentWishes[language], required: false, rows: 3)}
            {fields.Select("mobility", T.Mobility[language], Enum.GetValues<Mobility>().Select(m => new Choice(m.ToString(), T.Of(m)[language])), required: true)}
            <p class="hint">{T.SubmitHint[language]}</p>
            <div class="actions">
            <button type="submit" name="action" value="submit">{Texts.Submit[language]}</button>
            <button type="submit" name="action" value="draft" class="secondary">{Texts.SaveDraft[language]}</button>
            </div>
            </form>
            """), state.HasErrors ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    public static HtmlPage Submitted(Language language, Model submitted, DateOnly submittedOn) => new(language, T.Title[language], H.Html($"""
        <div class="notice" role="status"><p>{T.Submitted[language]} {Texts.SubmittedOn.Format(language, Cultures.Date(submittedOn, language))}</p></div>
        <h2>{Texts.WhatWasSent[language]}</h2>
        <div class="panel">{SelfAssessmentView.Render(submitted, language)}</div>
        """));

    private static Dictionary<string, string> ErrorLabels(Language language, int rows)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["objectives"] = T.Objectives[language],
            ["achievements"] = T.Achievements[language],
            ["overallSelfRating"] = T.OverallRating[language],
            ["aspiration"] = T.Aspiration[language],
            ["aspirationNote"] = T.AspirationNote[language],
            ["developmentWishes"] = T.DevelopmentWishes[language],
            ["mobility"] = T.Mobility[language],
        };
        for (var i = 0; i < rows; i++)
        {
            var prefix = T.ObjectiveNumber.Format(language, i + 1);
            labels[$"objectives[{i}].objective"] = $"{prefix} – {T.Objective[language]}";
            labels[$"objectives[{i}].outcome"] = $"{prefix} – {T.Outcome[language]}";
            labels[$"objectives[{i}].evidence"] = $"{prefix} – {T.Evidence[language]}";
        }

        for (var i = 0; i < T.CompetencyList.Count; i++)
        {
            labels[$"competencies[{i}].rating"] = T.CompetencyList[i].Label[language];
            labels[$"competencies[{i}].comment"] = $"{T.Comment[language]} – {T.CompetencyList[i].Label[language]}";
        }

        return labels;
    }
}
