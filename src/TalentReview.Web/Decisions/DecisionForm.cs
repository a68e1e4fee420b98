using System.Globalization;
using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Web.Html;
using T = TalentReview.Web.Decisions.DecisionTexts;

namespace TalentReview.Web.Decisions;

/// <summary>
/// The amendment form: one set of fields for every decision type (the chosen type reads the ones it
/// needs), so it works without script. The reason is the decision's note, and also the promotion's
/// override reason and the step back's reason, which the rules ask for.
/// </summary>
internal static class DecisionForm
{
    public static int MinReasonLength => DecisionPolicy.Default.MinReasonLength;

    /// <summary>The fields of a stored decision, to start an amendment from; plans' follow-ups default to the policy's dates.</summary>
    public static FormState From(Decision decision, int index, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var state = new FormState();
        state.Set("employee", index.ToString(CultureInfo.InvariantCulture));
        state.Set("type", decision.Type.ToString());
        state.Set("followUps", Dates(new DecisionRules().FollowUps(today)));
        switch (decision)
        {
            case MeritIncreaseDecision merit:
                state.Set("percent", merit.Percent.ToString(CultureInfo.InvariantCulture));
                break;
            case PromotionDecision promotion:
                state.Set("newLevel", promotion.NewLevel);
                state.Set("newJobTitle", promotion.NewJobTitle);
                break;
            case StepBackDecision stepBack:
                state.Set("newLevel", stepBack.NewLevel);
                state.Set("newJobTitle", stepBack.NewJobTitle);
                break;
            case LateralMoveDecision move:
                state.Set("targetDepartment", move.TargetDepartment);
                state.Set("targetJobTitle", move.TargetJobTitle);
                break;
            case JobRotationDecision rotation:
                state.Set("targetDepartment", rotation.TargetDepartment);
                state.Set("returnsOn", rotation.ReturnsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DevelopmentPlanDecision plan:
                state.Set("goals", string.Join('\n', plan.Goals));
                state.Set("followUps", Dates(plan.FollowUps));
                break;
            case PerformanceImprovementPlanDecision plan:
                state.Set("goals", string.Join('\n', plan.Goals));
                state.Set("followUps", Dates(plan.FollowUps));
                break;
            case ExitSupportDecision exit:
                state.Set("support", exit.Support);
                break;
            default:
                break;
        }

        return state;
    }

    /// <summary>The decision as typed, or null with the errors added to <paramref name="typed"/> by field.</summary>
    public static Decision? Read(FormState typed, string employeeId, string decidedBy, DateOnly today, Language language)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (!Enum.TryParse<DecisionType>(typed.Value("type"), out var type) || !Enum.IsDefined(type) || int.TryParse(typed.Value("type"), out _))
        {
            typed.AddError("type", T.TypeRequired[language]);
        }

        var reason = typed.Value("reason").Trim();
        if (reason.Length < MinReasonLength)
        {
            typed.AddError("reason", T.ReasonRequired.Format(language, MinReasonLength));
        }

        decimal percent = 0;
        if (type == DecisionType.MeritIncrease && !decimal.TryParse(typed.Value("percent").Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out percent))
        {
            typed.AddError("percent", T.NotANumber[language]);
        }

        DateOnly returnsOn = default;
        if (type == DecisionType.JobRotation && !TryDate(typed.Value("returnsOn"), out returnsOn))
        {
            typed.AddError("returnsOn", T.NotADate[language]);
        }

        List<DateOnly> followUps = [];
        if (type is DecisionType.DevelopmentPlan or DecisionType.PerformanceImprovementPlan)
        {
            foreach (var text in typed.Value("followUps").Split([',', ';', ' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!TryDate(text, out var date))
                {
                    typed.AddError("followUps", T.NotADate[language]);
                    break;
                }

                followUps.Add(date);
            }
        }

        if (typed.HasErrors)
        {
            return null;
        }

        string Text(string field) => typed.Value(field).Trim();
        List<string> goals = [.. typed.Value("goals").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        return type switch
        {
            DecisionType.Promotion => new PromotionDecision(employeeId, today, decidedBy, Text("newLevel"), Text("newJobTitle"), reason, reason),
            DecisionType.MeritIncrease => new MeritIncreaseDecision(employeeId, today, decidedBy, percent, reason),
            DecisionType.LateralMove => new LateralMoveDecision(employeeId, today, decidedBy, Text("targetDepartment"), Text("targetJobTitle"), reason),
            DecisionType.JobRotation => new JobRotationDecision(employeeId, today, decidedBy, Text("targetDepartment"), returnsOn, reason),
            DecisionType.DevelopmentPlan => new DevelopmentPlanDecision(employeeId, today, decidedBy, goals, followUps, reason),
            DecisionType.PerformanceImprovementPlan => new PerformanceImprovementPlanDecision(employeeId, today, decidedBy, goals, followUps, reason),
            DecisionType.StepBack => new StepBackDecision(employeeId, today, decidedBy, Text("newLevel"), Text("newJobTitle"), reason, reason),
            DecisionType.ExitSupport => new ExitSupportDecision(employeeId, today, decidedBy, Text("support"), reason),
            _ => new NoChangeDecision(employeeId, today, decidedBy, reason),
        };
    }

    /// <summary>The form field a domain rule's field belongs to (each follow-up date is part of one field; both reasons are the one reason).</summary>
    public static ValidationError ToFormField(ValidationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Field switch
        {
            var f when f.StartsWith("followUps", StringComparison.Ordinal) => error with { Field = "followUps" },
            "overrideReason" => error with { Field = "reason" },
            _ => error,
        };
    }

    public static string Dates(IEnumerable<DateOnly> dates) => string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static bool TryDate(string text, out DateOnly date)
        => DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
