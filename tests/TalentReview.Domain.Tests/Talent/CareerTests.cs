using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.Careers;
using TalentReview.Domain.Talent.History;

namespace TalentReview.Domain.Tests.Talent;

public sealed class CareerTests
{
    [Fact]
    public void Moves_ADecidedPromotion_IsCountedOnce_AndARosterChangeWithoutDecisionIsSeen()
    {
        var outcomes = new[]
        {
            TalentOutcomes.Of("e1", 1, GridBox.Star, level: "L2", decision: TalentOutcomes.Promotion("e1", 1, "L3", "Senior Financial Analyst")),
            TalentOutcomes.Of("e1", 2, GridBox.CorePlayer, level: "L3", jobTitle: "Senior Financial Analyst"),
            TalentOutcomes.Of("e2", 1, GridBox.CorePlayer, department: "Sales", jobTitle: "Account Manager"),
            TalentOutcomes.Of("e2", 2, GridBox.CorePlayer, department: "Marketing", jobTitle: "Marketing Specialist"),
        };

        var moves = CareerMoves.Of(outcomes);

        Assert.Collection(
            moves,
            promotion =>
            {
                Assert.Equal(("e1", MoveKind.Promotion, true), (promotion.EmployeeId, promotion.Kind, promotion.Decided));
                Assert.Equal("Senior Financial Analyst", promotion.To.JobTitle);
            },
            lateral =>
            {
                Assert.Equal(("e2", MoveKind.LateralMove, false), (lateral.EmployeeId, lateral.Kind, lateral.Decided));
                Assert.Equal("Marketing", lateral.To.Department);
            });
    }

    [Fact]
    public void Map_ShowsTakenPathsWithTheirMoves_AndThePathsNeverTaken()
    {
        var outcomes = new[]
        {
            TalentOutcomes.Of("e1", 1, GridBox.Star, level: "L2", decision: TalentOutcomes.Promotion("e1", 1, "L3", "Senior Financial Analyst")),
            TalentOutcomes.Of("e1", 2, GridBox.Star, level: "L3", jobTitle: "Senior Financial Analyst"),
            TalentOutcomes.Of("e3", 2, GridBox.CorePlayer, level: "L2"),
            TalentOutcomes.Of("e4", 2, GridBox.CorePlayer, level: "L2", department: "IT", jobTitle: "Software Engineer"),
        };

        var analyst = CareerMap.Build(outcomes).Functions.Single(f => f.Function == new JobFunction("Finance", "Financial Analyst", "L2"));

        Assert.Equal(1, analyst.Holders);
        var promotion = Assert.Single(analyst.Paths, p => p.Kind == MoveKind.Promotion);
        Assert.True(promotion.Taken);
        Assert.Equal("e1", Assert.Single(promotion.Moves).EmployeeId);
        Assert.Contains(analyst.Paths, p => !p.Taken && p.Kind == MoveKind.LateralMove && p.To.Department == "IT");
    }

    [Fact]
    public void Candidates_ReadyPeopleOneLevelBelowComeFirst_AndLeaversAndTheHolderAreLeftOut()
    {
        var opening = new JobFunction("Finance", "Senior Financial Analyst", "L3");
        var latest = new[]
        {
            TalentOutcomes.Of("ready", 1, GridBox.CorePlayer, readiness: PromotionReadiness.ReadyNow, aspiration: CareerAspiration.Promotion, name: "Ready"),
            TalentOutcomes.Of("star", 1, GridBox.Star, readiness: PromotionReadiness.NotReady, name: "Star"),
            TalentOutcomes.Of("leaving", 1, GridBox.Star, readiness: PromotionReadiness.ReadyNow, aspiration: CareerAspiration.ExternalMove),
            TalentOutcomes.Of("holder", 1, GridBox.Star, jobTitle: "Senior Financial Analyst", level: "L3"),
            TalentOutcomes.Of("lateral", 1, GridBox.HighPerformer, department: "IT", jobTitle: "Lead Engineer", level: "L3", readiness: PromotionReadiness.InOneToTwoYears, aspiration: CareerAspiration.HorizontalMove, name: "Lateral"),
            TalentOutcomes.Of("too-junior", 1, GridBox.Star, level: "L1"),
        };

        var candidates = InternalCandidates.For(opening, latest);

        Assert.Equal(["ready", "lateral", "star"], candidates.Select(c => c.Latest.EmployeeId));
        Assert.Equal(MoveKind.Promotion, candidates[0].Move);
        Assert.True(candidates[0].AspirationMatches);
        Assert.Equal(MoveKind.LateralMove, candidates[1].Move);
    }
}
