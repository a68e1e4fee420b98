using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.History;

namespace TalentReview.Domain.Tests.Talent;

public sealed class TalentHistoryTests
{
    [Fact]
    public void Trend_OrdersCyclesByRelease_AndSaysHowTheBoxMoved()
    {
        var history = new TalentHistory("e1",
        [
            TalentOutcomes.Of("e1", 3, GridBox.CorePlayer),
            TalentOutcomes.Of("e1", 1, GridBox.CorePlayer),
            TalentOutcomes.Of("e1", 2, GridBox.Star),
            TalentOutcomes.Of("e2", 2, GridBox.TalentRisk),
        ]);

        Assert.Equal(["c2024", "c2025", "c2026"], history.Trend.Select(s => s.CycleId));
        Assert.Equal([BoxMove.First, BoxMove.Up, BoxMove.Down], history.Trend.Select(s => s.Move));
        Assert.Equal("c2026", history.Latest!.CycleId);
    }

    [Theory]
    [InlineData(GridBox.CorePlayer, GridBox.CorePlayer, BoxMove.Same)]
    [InlineData(GridBox.CorePlayer, GridBox.HighPerformer, BoxMove.Up)]
    [InlineData(GridBox.Star, GridBox.SolidProfessional, BoxMove.Down)]
    [InlineData(GridBox.HighPerformer, GridBox.RoughDiamond, BoxMove.Sideways)]
    public void MoveBetween_ComparesPerformanceAndPotential(GridBox before, GridBox after, BoxMove expected)
        => Assert.Equal(expected, TalentHistory.MoveBetween(before, after));

    [Fact]
    public void Trend_AnUnplacedCycle_IsSkippedWhenComparingTheNext()
    {
        var history = new TalentHistory("e1",
        [
            TalentOutcomes.Of("e1", 1, GridBox.Dilemma),
            TalentOutcomes.Of("e1", 2, null),
            TalentOutcomes.Of("e1", 3, GridBox.Star),
        ]);

        Assert.Equal([BoxMove.First, BoxMove.NotPlaced, BoxMove.Up], history.Trend.Select(s => s.Move));
    }

    [Fact]
    public void FollowUpsBy_CountsHeldOfThoseDue()
    {
        var outcome = TalentOutcomes.Of("e1", 1, GridBox.CorePlayer, followUps:
        [
            new PlanFollowUp(new DateOnly(2024, 5, 16), FollowUpStatus.Held, new DateOnly(2024, 5, 20)),
            new PlanFollowUp(new DateOnly(2024, 8, 16), FollowUpStatus.Planned),
        ]);

        Assert.Equal((1, 1), outcome.FollowUpsBy(new DateOnly(2024, 8, 15)));
        Assert.Equal((1, 2), outcome.FollowUpsBy(new DateOnly(2024, 8, 16)));
    }
}
