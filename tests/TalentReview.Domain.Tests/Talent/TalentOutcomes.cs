using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.History;

namespace TalentReview.Domain.Tests.Talent;

/// <summary>Kept outcomes for tests: one person in one cycle, with what a test cares about set and the rest plain.</summary>
internal static class TalentOutcomes
{
    public static readonly DateOnly FirstRelease = new(2024, 2, 16);

    public static TalentOutcome Of(
        string employeeId,
        int cycle,
        GridBox? box,
        string department = "Finance",
        string jobTitle = "Financial Analyst",
        string level = "L2",
        Decision? decision = null,
        PromotionReadiness readiness = PromotionReadiness.NotReady,
        CareerAspiration aspiration = CareerAspiration.Stay,
        IReadOnlyList<PlanFollowUp>? followUps = null,
        string? name = null)
        => new(
            $"c{2023 + cycle}",
            $"Talent review {2023 + cycle}",
            FirstRelease.AddYears(cycle - 1),
            "Europe/Brussels",
            employeeId,
            name ?? $"Person {employeeId}",
            new JobFunction(department, jobTitle, level),
            ["m1", "d1"],
            box,
            new ManagerRatings(4, new PotentialIndicators(4, 4, 4), readiness, FlightRisk.Low),
            new SelfRatings(4, aspiration, Mobility.WithinBelgium),
            decision,
            followUps ?? []);

    public static PromotionDecision Promotion(string employeeId, int cycle, string level, string title)
        => new(employeeId, FirstRelease.AddYears(cycle - 1).AddDays(-5), "hr1", level, title);
}
