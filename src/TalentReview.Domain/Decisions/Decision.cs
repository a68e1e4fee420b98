using System.Text.Json.Serialization;

namespace TalentReview.Domain.Decisions;

public enum DecisionType
{
    NoChange,
    Promotion,
    MeritIncrease,
    LateralMove,
    JobRotation,
    DevelopmentPlan,
    PerformanceImprovementPlan,
    StepBack,
    ExitSupport,
}

/// <summary>
/// The outcome of a cycle for one employee. Serialised with a <c>type</c> discriminator so a stored
/// decision reads back as its own kind.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(NoChangeDecision), nameof(DecisionType.NoChange))]
[JsonDerivedType(typeof(PromotionDecision), nameof(DecisionType.Promotion))]
[JsonDerivedType(typeof(MeritIncreaseDecision), nameof(DecisionType.MeritIncrease))]
[JsonDerivedType(typeof(LateralMoveDecision), nameof(DecisionType.LateralMove))]
[JsonDerivedType(typeof(JobRotationDecision), nameof(DecisionType.JobRotation))]
[JsonDerivedType(typeof(DevelopmentPlanDecision), nameof(DecisionType.DevelopmentPlan))]
[JsonDerivedType(typeof(PerformanceImprovementPlanDecision), nameof(DecisionType.PerformanceImprovementPlan))]
[JsonDerivedType(typeof(StepBackDecision), nameof(DecisionType.StepBack))]
[JsonDerivedType(typeof(ExitSupportDecision), nameof(DecisionType.ExitSupport))]
public abstract record Decision(string EmployeeId, DateOnly DecidedOn, string DecidedBy, string? Note)
{
    /// <summary>The kind of decision; in JSON it is the <c>type</c> discriminator.</summary>
    [JsonIgnore]
    public DecisionType Type => this switch
    {
        PromotionDecision => DecisionType.Promotion,
        MeritIncreaseDecision => DecisionType.MeritIncrease,
        LateralMoveDecision => DecisionType.LateralMove,
        JobRotationDecision => DecisionType.JobRotation,
        DevelopmentPlanDecision => DecisionType.DevelopmentPlan,
        PerformanceImprovementPlanDecision => DecisionType.PerformanceImprovementPlan,
        StepBackDecision => DecisionType.StepBack,
        ExitSupportDecision => DecisionType.ExitSupport,
        _ => DecisionType.NoChange,
    };
}

public sealed record NoChangeDecision(string EmployeeId, DateOnly DecidedOn, string DecidedBy, string? Note = null)
    : Decision(EmployeeId, DecidedOn, DecidedBy, Note);

/// <summary>A promotion; <see cref="OverrideReason"/> is required when the employee is not ready now.</summary>
public sealed record PromotionDecision(
    string EmployeeId, DateOnly DecidedOn, string DecidedBy, string NewLevel, string NewJobTitle, string? OverrideReason = null, string? Note = null)
    : Decision(EmployeeId, DecidedOn, DecidedBy, Note);

public sealed record MeritIncreaseDecision(string EmployeeId, DateOnly DecidedOn, string DecidedBy, decimal Percent, string? Note = null)
    : Decision(EmployeeId, DecidedOn, DecidedBy, Note);

/// <summary>A horizontal move to another role at the same level.</summary>
public sealed record LateralMoveDecision(string EmployeeId, DateOnly DecidedOn, string DecidedBy, string TargetDepartment, string TargetJobTitle, string? Note = null)
    : Decision(EmployeeId, DecidedOn, DecidedBy, Note);

/// <summary>A temporary rotation to another department, back by <see cref="ReturnsOn"/>.</summary>
public sealed record JobRotationDecision(string EmployeeId, DateOnly DecidedOn, string DecidedBy, string TargetDepartment, DateOnly ReturnsOn, string? Note = null)
    : Decision(EmployeeId, DecidedOn, DecidedBy, Note);

/// <summary>A personal development plan with its follow-up conversations.</summary>
public sealed record DevelopmentPlanDecision(
    string EmployeeId, DateOnly DecidedOn, string DecidedBy, IReadOnlyList<string> Goals, IReadOnlyList<DateOnly> FollowUps, string? Note = null)
    : Decision(EmployeeId, DecidedOn, DecidedBy, Note);

/// <summary>A performance improvement plan with its follow-up conversations.</summary>
public sealed record PerformanceImprovementPlanDecision(
    string EmployeeId, DateOnly DecidedOn, string DecidedBy, IReadOnlyList<string> Goals, IReadOnlyList<DateOnly> FollowUps, string? Note = null)
    : Decision(EmployeeId, DecidedOn, DecidedBy, Note);

/// <summary>A step back to a lighter role (remotie), usually at the employee's own request.</summary>
public sealed record StepBackDecision(string EmployeeId, DateOnly DecidedOn, string DecidedBy, string NewLevel, string NewJobTitle, string Reason, string? Note = null)
    : Decision(EmployeeId, DecidedOn, DecidedBy, Note);

/// <summary>Support towards a career outside the organisation (e.g. outplacement).</summary>
public sealed record ExitSupportDecision(string EmployeeId, DateOnly DecidedOn, string DecidedBy, string Support, string? Note = null)
    : Decision(EmployeeId, DecidedOn, DecidedBy, Note);
