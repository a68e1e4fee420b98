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
    /// <summary>Field-level errors; never throws, also not for nulls in deserialised input.</summary>
    public IReadOnlyList<ValidationError> Validate(FormLimits? limits = null) => throw new NotImplementedException();
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
