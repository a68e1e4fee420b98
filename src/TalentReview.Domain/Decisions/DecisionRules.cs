using System.Globalization;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Decisions;

/// <summary>Bounds HR sets for decisions in a cycle.</summary>
public sealed record DecisionPolicy(
    decimal MinMeritPercent = 0m,
    decimal MaxMeritPercent = 10m,
    IReadOnlyList<int>? FollowUpMonths = null,
    int MinReasonLength = 20)
{
    public static DecisionPolicy Default { get; } = new();

    /// <summary>Months after the decision date for follow-ups; 3 and 6 unless set.</summary>
    public IReadOnlyList<int> EffectiveFollowUpMonths => FollowUpMonths is { Count: > 0 } months ? months : [3, 6];
}

/// <summary>Checks decisions against the cycle's rules and proposes a default per box.</summary>
public sealed class DecisionRules(DecisionPolicy? policy = null)
{
    public DecisionPolicy Policy { get; } = policy ?? DecisionPolicy.Default;

    /// <summary>
    /// Whether <see cref="Validate"/> looks at the manager's input for this decision (a promotion without an
    /// override reason, an improvement plan): for any other, a caller need not read the input at all.
    /// </summary>
    public bool ConsultsManagerInput(Decision decision)
        => decision is PerformanceImprovementPlanDecision || (decision is PromotionDecision promotion && !HasReason(promotion.OverrideReason));

    /// <summary>Errors for one decision; <paramref name="input"/> is the manager's input when there is one.</summary>
    public IReadOnlyList<ValidationError> Validate(Decision decision, ManagerInput? input)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var errors = new List<ValidationError>();
        void Add(string field, string code, string message) => errors.Add(new ValidationError(field, code, message));

        if (string.IsNullOrWhiteSpace(decision.EmployeeId))
        {
            Add("employeeId", "decision.employeeRequired", "The decision must name the employee.");
        }

        if (string.IsNullOrWhiteSpace(decision.DecidedBy))
        {
            Add("decidedBy", "decision.deciderRequired", "The decision must say who took it.");
        }

        switch (decision)
        {
            case PromotionDecision promotion:
                RequireText(errors, "newLevel", promotion.NewLevel);
                RequireText(errors, "newJobTitle", promotion.NewJobTitle);
                if (input?.Readiness != PromotionReadiness.ReadyNow && !HasReason(promotion.OverrideReason))
                {
                    Add("overrideReason", "decision.promotion.notReady",
                        $"The employee is not rated ready now; a promotion needs an override reason of at least {Policy.MinReasonLength} characters.");
                }

                break;
            case MeritIncreaseDecision { Percent: 0 }:
                Add("percent", "decision.merit.percentRequired", "A merit increase needs its percentage.");
                break;
            case MeritIncreaseDecision merit when merit.Percent < Policy.MinMeritPercent || merit.Percent > Policy.MaxMeritPercent:
                Add("percent", "decision.merit.outOfBounds", string.Create(CultureInfo.InvariantCulture, $"A merit increase must lie between {Policy.MinMeritPercent} % and {Policy.MaxMeritPercent} %."));
                break;
            case LateralMoveDecision move:
                RequireText(errors, "targetDepartment", move.TargetDepartment);
                RequireText(errors, "targetJobTitle", move.TargetJobTitle);
                break;
            case JobRotationDecision rotation:
                RequireText(errors, "targetDepartment", rotation.TargetDepartment);
                if (rotation.ReturnsOn <= rotation.DecidedOn)
                {
                    Add("returnsOn", "decision.rotation.returnBeforeStart", "A job rotation must end after the decision date.");
                }

                break;
            case DevelopmentPlanDecision plan:
                ValidatePlan(errors, plan.DecidedOn, plan.Goals, plan.FollowUps);
                break;
            case PerformanceImprovementPlanDecision plan:
                ValidatePlan(errors, plan.DecidedOn, plan.Goals, plan.FollowUps);
                if (input is not null && input.PerformanceLevel != RatingLevel.Low)
                {
                    Add("type", "decision.pip.performanceNotLow", "An improvement plan is meant for low performance; the manager rated performance higher.");
                }

                break;
            case StepBackDecision stepBack:
                RequireText(errors, "newLevel", stepBack.NewLevel);
                RequireText(errors, "newJobTitle", stepBack.NewJobTitle);
                if (!HasReason(stepBack.Reason))
                {
                    Add("reason", "decision.stepBack.reasonRequired", $"A step back needs a reason of at least {Policy.MinReasonLength} characters.");
                }

                break;
            case ExitSupportDecision exit:
                RequireText(errors, "support", exit.Support);
                break;
            default:
                break;
        }

        errors.AddRange(TextSizes(decision).OfType<ValidationError>());
        return errors;
    }

    /// <summary>Every text of a decision within its limit (<see cref="TextLimits"/>), the same bound the decisions page sets.</summary>
    private static IEnumerable<ValidationError?> TextSizes(Decision decision)
    {
        yield return TextLimits.Check("reason", decision.Note, TextLimits.Reason);
        switch (decision)
        {
            case PromotionDecision promotion:
                yield return TextLimits.Check("overrideReason", promotion.OverrideReason, TextLimits.Reason);
                yield return TextLimits.Check("newLevel", promotion.NewLevel, TextLimits.Label);
                yield return TextLimits.Check("newJobTitle", promotion.NewJobTitle, TextLimits.Label);
                break;
            case LateralMoveDecision move:
                yield return TextLimits.Check("targetDepartment", move.TargetDepartment, TextLimits.Label);
                yield return TextLimits.Check("targetJobTitle", move.TargetJobTitle, TextLimits.Label);
                break;
            case JobRotationDecision rotation:
                yield return TextLimits.Check("targetDepartment", rotation.TargetDepartment, TextLimits.Label);
                break;
            case DevelopmentPlanDecision plan:
                yield return TextLimits.Check("goals", string.Join('\n', plan.Goals ?? []), TextLimits.PlanGoals);
                break;
            case PerformanceImprovementPlanDecision plan:
                yield return TextLimits.Check("goals", string.Join('\n', plan.Goals ?? []), TextLimits.PlanGoals);
                break;
            case StepBackDecision stepBack:
                yield return TextLimits.Check("reason", stepBack.Reason, TextLimits.Reason);
                yield return TextLimits.Check("newLevel", stepBack.NewLevel, TextLimits.Label);
                yield return TextLimits.Check("newJobTitle", stepBack.NewJobTitle, TextLimits.Label);
                break;
            case ExitSupportDecision exit:
                yield return TextLimits.Check("support", exit.Support, TextLimits.Label);
                break;
            default:
                break;
        }
    }

    /// <summary>Follow-up dates for plans, counted from the decision date.</summary>
    public IReadOnlyList<DateOnly> FollowUps(DateOnly decidedOn) => [.. Policy.EffectiveFollowUpMonths.Select(decidedOn.AddMonths)];

    /// <summary>
    /// The decision the grid suggests for a box; HR and the manager refine it. A proposal carries no
    /// note: where it comes from is said by whoever shows it, in the reader's language. An improvement
    /// plan is proposed only where the manager recommended one: a low box otherwise gets a development
    /// plan, which the committee may change with a reason (and the difference is shown to it).
    /// </summary>
    public Decision Propose(string employeeId, GridBox box, ManagerInput? input, DateOnly decidedOn, string decidedBy)
    {
        var midMerit = Math.Round((Policy.MinMeritPercent + Policy.MaxMeritPercent) / 2, 1);
        return box switch
        {
            GridBox.Star when input?.Readiness == PromotionReadiness.ReadyNow
                => new PromotionDecision(employeeId, decidedOn, decidedBy, string.Empty, string.Empty),
            GridBox.Star or GridBox.HighPerformer
                => new MeritIncreaseDecision(employeeId, decidedOn, decidedBy, box == GridBox.Star ? Policy.MaxMeritPercent : midMerit),
            GridBox.EmergingTalent or GridBox.CorePlayer or GridBox.RoughDiamond or GridBox.TrustedExpert
                => new DevelopmentPlanDecision(employeeId, decidedOn, decidedBy, [GoalFor(box)], FollowUps(decidedOn)),
            GridBox.TalentRisk or GridBox.Dilemma when input?.RecommendedOutcome != DecisionType.PerformanceImprovementPlan
                => new DevelopmentPlanDecision(employeeId, decidedOn, decidedBy, [GoalFor(box)], FollowUps(decidedOn)),
            GridBox.TalentRisk or GridBox.Dilemma
                => new PerformanceImprovementPlanDecision(employeeId, decidedOn, decidedBy, ["Agree measurable goals for the coming months."], FollowUps(decidedOn)),
            _ => new NoChangeDecision(employeeId, decidedOn, decidedBy),
        };
    }

    private static string GoalFor(GridBox box) => box switch
    {
        GridBox.EmergingTalent => "Take on a stretch assignment with a mentor.",
        GridBox.RoughDiamond => "Turn potential into results with close coaching.",
        GridBox.TrustedExpert => "Deepen the specialisation and share it with the team.",
        GridBox.Dilemma => "Agree with the manager how to turn potential into results, with coaching.",
        GridBox.TalentRisk => "Agree clear expectations and the support needed to meet them.",
        _ => "Broaden the role through a project or job rotation.",
    };

    private bool HasReason(string? reason) => (reason?.Trim().Length ?? 0) >= Policy.MinReasonLength;

    private static void RequireText(List<ValidationError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ValidationError(field, "decision.required", "This field is required."));
        }
    }

    private static void ValidatePlan(List<ValidationError> errors, DateOnly decidedOn, IReadOnlyList<string>? goals, IReadOnlyList<DateOnly>? followUps)
    {
        if (goals is not { Count: > 0 } || goals.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ValidationError("goals", "decision.plan.goalsRequired", "A plan needs at least one goal."));
        }

        if (followUps is not { Count: > 0 })
        {
            errors.Add(new ValidationError("followUps", "decision.plan.followUpsRequired", "A plan needs at least one follow-up date."));
            return;
        }

        for (var i = 0; i < followUps.Count; i++)
        {
            if (followUps[i] <= decidedOn || (i > 0 && followUps[i] <= followUps[i - 1]))
            {
                errors.Add(new ValidationError($"followUps[{i}]", "decision.plan.followUpOrder", "Follow-ups come after the decision, each later than the one before."));
            }
        }
    }
}
