using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.History;
using TalentReview.Domain.Talent.Indicators;

namespace TalentReview.Domain.Tests.Talent;

public sealed class TalentIndicatorTests
{
    private static readonly TalentOutcome[] ThreeCycles =
    [
        // Cycle 1: two high performers in Finance, one in IT; a development plan with two follow-ups.
        TalentOutcomes.Of("f1", 1, GridBox.HighPerformer),
        TalentOutcomes.Of("f2", 1, GridBox.Star, decision: TalentOutcomes.Promotion("f2", 1, "L3", "Senior Financial Analyst")),
        TalentOutcomes.Of("i1", 1, GridBox.TrustedExpert, department: "IT", jobTitle: "Software Engineer", followUps:
        [
            new PlanFollowUp(TalentOutcomes.FirstRelease.AddMonths(3), FollowUpStatus.Held, TalentOutcomes.FirstRelease.AddMonths(3)),
            new PlanFollowUp(TalentOutcomes.FirstRelease.AddMonths(6), FollowUpStatus.Planned),
        ]),

        // Cycle 2: f1 left; f2 stays, promoted again a year later.
        TalentOutcomes.Of("f2", 2, GridBox.Star, level: "L3", jobTitle: "Senior Financial Analyst", decision: TalentOutcomes.Promotion("f2", 2, "L4", "Lead Financial Analyst")),
        TalentOutcomes.Of("i1", 2, GridBox.CorePlayer, department: "IT", jobTitle: "Software Engineer"),
    ];

    [Fact]
    public void Retention_OfHighPerformers_IsThoseStillReviewedInTheNextCycle()
    {
        var values = TalentIndicators.Compute(ThreeCycles, new DateOnly(2026, 1, 1));

        var organisation = values.Single(v => v.Key == TalentIndicators.HighPerformerRetention.Key && v.Department is null);
        Assert.Equal(("c2025", 2, 3, 66.7m), (organisation.CycleId, organisation.Count, organisation.Of, organisation.Value));
        var finance = values.Single(v => v.Key == TalentIndicators.HighPerformerRetention.Key && v.Department == "Finance");
        Assert.Equal((1, 2, 50m), (finance.Count, finance.Of, finance.Value));
        Assert.DoesNotContain(values, v => v.Key == TalentIndicators.HighPerformerRetention.Key && v.CycleId == "c2024");
    }

    [Fact]
    public void TimeToPromotion_IsMeasuredFromThePreviousPromotion()
    {
        var values = TalentIndicators.Compute(ThreeCycles, new DateOnly(2026, 1, 1));

        var first = values.Single(v => v.Key == TalentIndicators.TimeToPromotion.Key && v.Department is null && v.CycleId == "c2024");
        Assert.Equal((null, 0, 1), (first.Value, first.Count, first.Of));
        var second = values.Single(v => v.Key == TalentIndicators.TimeToPromotion.Key && v.Department is null && v.CycleId == "c2025");
        Assert.Equal((12m, 1, 1), (second.Value, second.Count, second.Of));
    }

    [Fact]
    public void Mobility_AndFollowUpCompletion_PerCycle()
    {
        var values = TalentIndicators.Compute(ThreeCycles, TalentOutcomes.FirstRelease.AddMonths(7));

        var mobility = values.Single(v => v.Key == TalentIndicators.InternalMobility.Key && v.Department is null && v.CycleId == "c2024");
        Assert.Equal((1, 3, 33.3m), (mobility.Count, mobility.Of, mobility.Value));
        var followUps = values.Single(v => v.Key == TalentIndicators.FollowUpCompletion.Key && v.Department == "IT" && v.CycleId == "c2024");
        Assert.Equal((1, 2, 50m), (followUps.Count, followUps.Of, followUps.Value));
    }
}
