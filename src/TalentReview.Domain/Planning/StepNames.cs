namespace TalentReview.Domain.Planning;

/// <summary>Step names as validation messages write them: words people read, not the enum's identifiers.</summary>
public static class StepNames
{
    public static string Of(StepKind step) => step switch
    {
        StepKind.SelfAssessment => "self-assessment",
        StepKind.ManagerInput => "manager input",
        StepKind.Calibration => "calibration",
        StepKind.Decisions => "decisions",
        _ => "release",
    };
}
