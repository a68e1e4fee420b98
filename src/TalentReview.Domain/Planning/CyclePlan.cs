using TalentReview.Domain.Eligibility;
using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Planning;

/// <summary>
/// Everything HR decides before a cycle starts. Build one with <see cref="Default"/> and adjust it
/// with <c>with</c>; <see cref="Validate"/> lists every inconsistency.
/// </summary>
public sealed record CyclePlan(
    string Name,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    IReadOnlyList<CycleStep> Steps,
    IReadOnlyList<int> ReminderDaysBeforeDeadline,
    EscalationPolicy Escalation,
    IReadOnlyList<CalibrationGroup> Groups,
    DistributionGuidance Guidance,
    ReleaseSettings Release,
    EligibilityRules Eligibility)
{
    /// <summary>
    /// A six-week plan starting on <paramref name="start"/>: self-assessment, manager input, calibration,
    /// decisions and release; reminders 7 and 2 days before each deadline; one calibration group per
    /// department with the department's most senior managers and <paramref name="hrCalibrators"/>.
    /// The review period is the year before <paramref name="start"/>.
    /// </summary>
    public static CyclePlan Default(string name, DateOnly start, Roster roster, IReadOnlyList<string>? hrCalibrators = null)
        => throw new NotImplementedException();

    public CycleStep? Step(StepKind kind) => Steps.FirstOrDefault(s => s.Kind == kind);

    public IReadOnlyList<ValidationError> Validate() => throw new NotImplementedException();
}

/// <summary>The steps of a cycle, in the order they must happen.</summary>
public enum StepKind
{
    SelfAssessment,
    ManagerInput,
    Calibration,
    Decisions,
    Release,
}

public sealed record CycleStep(StepKind Kind, DateOnly Opens, DateOnly Deadline);

public enum EscalationTarget
{
    Manager,
    SkipLevelManager,
    Hr,
}

/// <summary>Who is told, and how many days after a missed deadline.</summary>
public sealed record EscalationLevel(EscalationTarget Target, int DaysAfterDeadline);

public sealed record EscalationPolicy(IReadOnlyList<EscalationLevel> Levels)
{
    /// <summary>The manager after 1 day, the skip-level manager after 3, HR after 5.</summary>
    public static EscalationPolicy Default { get; } = new([
        new EscalationLevel(EscalationTarget.Manager, 1),
        new EscalationLevel(EscalationTarget.SkipLevelManager, 3),
        new EscalationLevel(EscalationTarget.Hr, 5),
    ]);
}

/// <summary>What shows when the results are released to employees, and when.</summary>
public sealed record ReleaseSettings(
    DateOnly ReleaseDate,
    bool ShowPerformance = true,
    bool ShowPotential = false,
    bool ShowBox = false,
    bool ShowDecision = true);
