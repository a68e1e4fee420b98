namespace TalentReview.Domain.Forms;

/// <summary>What the employee writes about their year and their wishes.</summary>
public sealed record SelfAssessment(
    string EmployeeId,
    IReadOnlyList<ObjectiveResult> Objectives,
    IReadOnlyList<CompetencyRating> Competencies,
    string Achievements,
    int OverallSelfRating,
    CareerAspiration Aspiration,
    string? AspirationNote,
    string DevelopmentWishes,
    Mobility Mobility)
{
    /// <summary>What a draft must respect: no text over its limit, no more items than allowed; anything may still be missing.</summary>
    public IReadOnlyList<ValidationError> ValidateDraft(FormLimits? limits = null) => FormErrors.SizeErrors(Validate(limits));

    /// <summary>Field-level errors; never throws, also not for nulls in deserialised input.</summary>
    public IReadOnlyList<ValidationError> Validate(FormLimits? limits = null)
    {
        var check = new FormErrors(limits ?? FormLimits.Default);
        check.Required("employeeId", EmployeeId);
        check.ItemCount("objectives", Objectives, atLeastOne: true);
        for (var i = 0; i < (Objectives?.Count ?? 0); i++)
        {
            var objective = Objectives![i];
            var path = $"objectives[{i}]";
            if (objective is null)
            {
                check.Add(path, "form.required", "This item is empty.");
                continue;
            }

            check.ShortText($"{path}.objective", objective.Objective);
            check.Defined($"{path}.outcome", objective.Outcome);
            check.LongText($"{path}.evidence", objective.Evidence);
        }

        check.ItemCount("competencies", Competencies, atLeastOne: false);
        for (var i = 0; i < (Competencies?.Count ?? 0); i++)
        {
            var competency = Competencies![i];
            var path = $"competencies[{i}]";
            if (competency is null)
            {
                check.Add(path, "form.required", "This item is empty.");
                continue;
            }

            check.ShortText($"{path}.competency", competency.Competency);
            check.Score($"{path}.rating", competency.Rating);
            check.MaxLength($"{path}.comment", competency.Comment, check.Limits.MaxLongText);
        }

        check.LongText("achievements", Achievements);
        check.Score("overallSelfRating", OverallSelfRating);
        check.Defined("aspiration", Aspiration);
        check.LongText("aspirationNote", AspirationNote, required: false);
        check.LongText("developmentWishes", DevelopmentWishes, required: false);
        check.Defined("mobility", Mobility);
        return check.Errors;
    }
}

/// <summary>A result against one objective or KPI, with the evidence for it.</summary>
public sealed record ObjectiveResult(string Objective, ObjectiveOutcome Outcome, string Evidence);

public enum ObjectiveOutcome
{
    NotMet,
    PartlyMet,
    Met,
    Exceeded,
}

/// <summary>A competency rated on the five-point scale (1 to 5).</summary>
public sealed record CompetencyRating(string Competency, int Rating, string? Comment);

/// <summary>Where the employee wants their career to go next.</summary>
public enum CareerAspiration
{
    Promotion,
    HorizontalMove,
    Specialisation,
    JobRotation,
    JobCrafting,
    StepBack,
    ExternalMove,
    Stay,
}

/// <summary>How far the employee is willing to move for a next role.</summary>
public enum Mobility
{
    NotMobile,
    WithinLocation,
    WithinBelgium,
    International,
}
