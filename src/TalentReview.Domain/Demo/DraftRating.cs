using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Demo;

/// <summary>What follows from a drafted rating: readiness and the outcome a manager would recommend.</summary>
internal readonly record struct DraftRating(int Performance, PotentialIndicators Potential)
{
    private GridBox Box => new GridPosition(Ratings.PerformanceLevel(Performance), Potential.Level).Box;

    public PromotionReadiness Readiness(double roll) => Box switch
    {
        GridBox.Star => roll < 0.6 ? PromotionReadiness.ReadyNow : PromotionReadiness.InOneToTwoYears,
        GridBox.HighPerformer or GridBox.EmergingTalent => roll < 0.2 ? PromotionReadiness.ReadyNow : PromotionReadiness.InOneToTwoYears,
        _ => PromotionReadiness.NotReady,
    };

    public DecisionType Outcome() => Box switch
    {
        GridBox.Star => DecisionType.Promotion,
        GridBox.HighPerformer or GridBox.TrustedExpert => DecisionType.MeritIncrease,
        GridBox.EmergingTalent or GridBox.CorePlayer or GridBox.RoughDiamond => DecisionType.DevelopmentPlan,
        GridBox.TalentRisk or GridBox.Dilemma => DecisionType.PerformanceImprovementPlan,
        _ => DecisionType.NoChange,
    };
}
