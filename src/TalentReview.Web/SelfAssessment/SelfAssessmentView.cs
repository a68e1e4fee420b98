using TalentReview.Domain;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using Model = TalentReview.Domain.Forms.SelfAssessment;
using T = TalentReview.Web.SelfAssessment.SelfAssessmentTexts;

namespace TalentReview.Web.SelfAssessment;

/// <summary>A self-assessment, read-only: for the employee after submitting, and for their manager.</summary>
internal static class SelfAssessmentView
{
    public static Markup Render(Model value, Language language)
    {
        var objectives = value.Objectives.Select((o, i) => H.Html($"""
            <tr><td>{o.Objective}</td><td>{T.Of(o.Outcome)[language]}</td><td>{o.Evidence}</td></tr>
            """));
        var competencies = value.Competencies.Select(c => H.Html($"""
            <tr><td>{T.CompetencyLabel(c.Competency)[language]}</td><td>{c.Rating}</td><td>{c.Comment ?? ""}</td></tr>
            """));
        return H.Html($"""
            <table>
            <caption class="hint">{T.Objectives[language]}</caption>
            <thead><tr><th scope="col">{T.Objective[language]}</th><th scope="col">{T.Outcome[language]}</th><th scope="col">{T.Evidence[language]}</th></tr></thead>
            <tbody>{objectives}</tbody>
            </table>
            {H.When(value.Competencies.Count > 0, H.Html($"""
                <table>
                <caption class="hint">{T.Competencies[language]}</caption>
                <thead><tr><th scope="col">{T.Competencies[language]}</th><th scope="col">1–5</th><th scope="col">{T.Comment[language]}</th></tr></thead>
                <tbody>{competencies}</tbody>
                </table>
                """))}
            <dl class="facts">
            <dt>{T.Achievements[language]}</dt><dd>{value.Achievements}</dd>
            <dt>{T.OverallRating[language]}</dt><dd>{value.OverallSelfRating} / 5</dd>
            <dt>{T.Aspiration[language]}</dt><dd>{T.Of(value.Aspiration)[language]}</dd>
            <dt>{T.AspirationNote[language]}</dt><dd>{value.AspirationNote ?? Texts.NotGiven[language]}</dd>
            <dt>{T.DevelopmentWishes[language]}</dt><dd>{(string.IsNullOrEmpty(value.DevelopmentWishes) ? Texts.NotGiven[language] : value.DevelopmentWishes)}</dd>
            <dt>{T.Mobility[language]}</dt><dd>{T.Of(value.Mobility)[language]}</dd>
            </dl>
            """);
    }
}
