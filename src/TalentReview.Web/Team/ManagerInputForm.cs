using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Web.Html;

namespace TalentReview.Web.Team;

/// <summary>Maps a manager's input for one report between the domain record and the form's fields.</summary>
internal static class ManagerInputForm
{
    public static FormState ToState(ManagerInput? value)
    {
        var state = new FormState();
        if (value is null)
        {
            return state;
        }

        state.Set("performance", FormValues.ScoreText(value.Performance));
        state.Set("potential.aspiration", FormValues.ScoreText(value.Potential.Aspiration));
        state.Set("potential.ability", FormValues.ScoreText(value.Potential.Ability));
        state.Set("potential.engagement", FormValues.ScoreText(value.Potential.Engagement));
        state.Set("readiness", FormValues.OptionText(value.Readiness));
        state.Set("flightRisk", FormValues.OptionText(value.FlightRisk));
        state.Set("recommendedOutcome", FormValues.OptionText(value.RecommendedOutcome));
        state.Set("evidence", value.Evidence);
        return state;
    }

    public static ManagerInput Parse(FormState form, string employeeId, string managerId) => new(
        employeeId,
        managerId,
        FormValues.Score(form.Value("performance")),
        new PotentialIndicators(
            FormValues.Score(form.Value("potential.aspiration")),
            FormValues.Score(form.Value("potential.ability")),
            FormValues.Score(form.Value("potential.engagement"))),
        FormValues.Option<PromotionReadiness>(form.Value("readiness")),
        FormValues.Option<FlightRisk>(form.Value("flightRisk")),
        FormValues.Option<DecisionType>(form.Value("recommendedOutcome")),
        form.Value("evidence").Trim());

    /// <summary>The typed values with the domain's errors on them.</summary>
    public static FormState Validate(FormState typed, ManagerInput parsed, Language language)
    {
        typed.AddErrors(parsed.Validate().Where(e => e.Field is not ("employeeId" or "managerId")), language);
        return typed;
    }
}
