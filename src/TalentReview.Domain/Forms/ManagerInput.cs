using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Forms;

/// <summary>The manager's view of one direct report.</summary>
public sealed record ManagerInput(
    string EmployeeId,
    string ManagerId,
    int Performance,
    PotentialIndicators Potential,
    PromotionReadiness Readiness,
    FlightRisk FlightRisk,
    DecisionType RecommendedOutcome,
    string Evidence)
{
    public RatingLevel PerformanceLevel => Ratings.PerformanceLevel(Performance);

    public RatingLevel PotentialLevel => Potential.Level;

    public GridPosition Position => new(PerformanceLevel, PotentialLevel);

    /// <summary>A 1 or a 5 on performance, or an extreme potential (see <see cref="PotentialIndicators.IsExtreme"/>).</summary>
    public bool HasExtremeRating => Performance is Ratings.MinScore or Ratings.MaxScore || Potential?.IsExtreme == true;

    /// <summary>What a draft must respect: no text over its limit; anything may still be missing.</summary>
    public IReadOnlyList<ValidationError> ValidateDraft(FormLimits? limits = null) => FormErrors.SizeErrors(Validate(limits));

    /// <summary>Field-level errors; never throws, also not for nulls in deserialised input.</summary>
    public IReadOnlyList<ValidationError> Validate(FormLimits? limits = null)
    {
        var check = new FormErrors(limits ?? FormLimits.Default);
        check.Required("employeeId", EmployeeId);
        check.Required("managerId", ManagerId);
        check.Score("performance", Performance);
        if (Potential is null)
        {
            check.Add("potential", "form.required", "This field is required.");
        }
        else
        {
            check.Score("potential.aspiration", Potential.Aspiration);
            check.Score("potential.ability", Potential.Ability);
            check.Score("potential.engagement", Potential.Engagement);
        }

        check.Defined("readiness", Readiness);
        check.Defined("flightRisk", FlightRisk);
        check.Defined("recommendedOutcome", RecommendedOutcome);
        check.MaxLength("evidence", Evidence, check.Limits.MaxLongText);

        var evidenceLength = Evidence?.Trim().Length ?? 0;
        if (Potential is not null && HasExtremeRating && evidenceLength < check.Limits.MinEvidenceForExtremeRating)
        {
            check.Add("evidence", "form.evidenceRequiredForExtreme",
                $"A rating at the end of the scale needs written evidence of at least {check.Limits.MinEvidenceForExtremeRating} characters.");
        }

        return check.Errors;
    }
}

/// <summary>
/// Potential judged from three indicators, each on the five-point scale: aspiration (wants to grow),
/// ability (can handle more complexity) and engagement (commits to the organisation).
/// </summary>
public sealed record PotentialIndicators(int Aspiration, int Ability, int Engagement)
{
    public double Average => (Aspiration + Ability + Engagement) / 3.0;

    /// <summary>Average 4 or more is high, below 2.5 is low, moderate in between.</summary>
    public RatingLevel Level => Average >= 4 ? RatingLevel.High : Average < 2.5 ? RatingLevel.Low : RatingLevel.Moderate;

    /// <summary>All three at the top (5) or all three at the bottom (1).</summary>
    public bool IsExtreme => (Aspiration, Ability, Engagement) is (5, 5, 5) or (1, 1, 1);
}

public enum PromotionReadiness
{
    ReadyNow,
    InOneToTwoYears,
    NotReady,
}

public enum FlightRisk
{
    Low,
    Medium,
    High,
}
