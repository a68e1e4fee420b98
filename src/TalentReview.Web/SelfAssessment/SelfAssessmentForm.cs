using System.Text.RegularExpressions;
using TalentReview.Domain;
using TalentReview.Domain.Forms;
using TalentReview.Web.Html;
using Model = TalentReview.Domain.Forms.SelfAssessment;

namespace TalentReview.Web.SelfAssessment;

/// <summary>Maps the self-assessment between the domain record and the form's fields (named after the domain's field paths).</summary>
internal static partial class SelfAssessmentForm
{
    public const int MinObjectiveRows = 3;

    public static FormState ToState(Model? value)
    {
        var state = new FormState();
        if (value is null)
        {
            return state;
        }

        for (var i = 0; i < value.Objectives.Count; i++)
        {
            state.Set($"objectives[{i}].objective", value.Objectives[i].Objective);
            state.Set($"objectives[{i}].outcome", FormValues.OptionText(value.Objectives[i].Outcome));
            state.Set($"objectives[{i}].evidence", value.Objectives[i].Evidence);
        }

        foreach (var competency in value.Competencies)
        {
            var row = CompetencyRow(competency.Competency);
            if (row >= 0)
            {
                state.Set($"competencies[{row}].rating", FormValues.ScoreText(competency.Rating));
                state.Set($"competencies[{row}].comment", competency.Comment);
            }
        }

        state.Set("achievements", value.Achievements);
        state.Set("overallSelfRating", FormValues.ScoreText(value.OverallSelfRating));
        state.Set("aspiration", FormValues.OptionText(value.Aspiration));
        state.Set("aspirationNote", value.AspirationNote);
        state.Set("developmentWishes", value.DevelopmentWishes);
        state.Set("mobility", FormValues.OptionText(value.Mobility));
        return state;
    }

    /// <summary>The form as a self-assessment; empty objective rows and unrated competencies are left out.</summary>
    public static Model Parse(FormState form, string employeeId)
    {
        var objectives = new List<ObjectiveResult>();
        for (var i = 0; i < FormLimits.Default.MaxItems; i++)
        {
            var objective = form.Value($"objectives[{i}].objective").Trim();
            var outcome = form.Value($"objectives[{i}].outcome");
            var evidence = form.Value($"objectives[{i}].evidence").Trim();
            if (objective.Length > 0 || outcome.Length > 0 || evidence.Length > 0)
            {
                objectives.Add(new ObjectiveResult(objective, FormValues.Option<ObjectiveOutcome>(outcome), evidence));
            }
        }

        var competencies = new List<CompetencyRating>();
        for (var i = 0; i < SelfAssessmentTexts.CompetencyList.Count; i++)
        {
            var rating = form.Value($"competencies[{i}].rating");
            var comment = FormValues.Optional(form.Value($"competencies[{i}].comment"));
            if (rating.Length > 0 || comment is not null)
            {
                competencies.Add(new CompetencyRating(SelfAssessmentTexts.CompetencyList[i].Key, FormValues.Score(rating), comment));
            }
        }

        return new Model(
            employeeId,
            objectives,
            competencies,
            form.Value("achievements").Trim(),
            FormValues.Score(form.Value("overallSelfRating")),
            FormValues.Option<CareerAspiration>(form.Value("aspiration")),
            FormValues.Optional(form.Value("aspirationNote")),
            form.Value("developmentWishes").Trim(),
            FormValues.Option<Mobility>(form.Value("mobility")));
    }

    /// <summary>
    /// The domain's errors on the parsed form, placed on the rows they came from: empty rows were left
    /// out when parsing, so list positions are mapped back to the form's rows.
    /// </summary>
    public static FormState Validate(Model parsed, Language language)
    {
        var state = ToState(parsed);
        foreach (var error in parsed.Validate())
        {
            state.AddError(FormField(error.Field, parsed), ErrorMessages.For(error, language));
        }

        return state;
    }

    /// <summary>Rows to show: every filled row plus one empty, at least <see cref="MinObjectiveRows"/>.</summary>
    public static int ObjectiveRows(FormState state)
    {
        var filled = 0;
        while (filled < FormLimits.Default.MaxItems && state.Value($"objectives[{filled}].objective").Length > 0)
        {
            filled++;
        }

        return Math.Clamp(filled + 1, MinObjectiveRows, FormLimits.Default.MaxItems);
    }

    private static string FormField(string field, Model parsed)
    {
        if (field == "objectives")
        {
            return "objectives[0].objective";
        }

        var match = CompetencyPath().Match(field);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, out var index) && index < parsed.Competencies.Count
            ? $"competencies[{CompetencyRow(parsed.Competencies[index].Competency)}]{match.Groups[2].Value}"
            : field;
    }

    [GeneratedRegex(@"^competencies\[(\d+)\](.*)$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex CompetencyPath();

    private static int CompetencyRow(string key)
    {
        for (var i = 0; i < SelfAssessmentTexts.CompetencyList.Count; i++)
        {
            if (SelfAssessmentTexts.CompetencyList[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}
