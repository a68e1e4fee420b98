using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Summaries;

namespace TalentReview.Domain.Tests.Summaries;

public sealed class CycleSummaryTests
{
    private static readonly DateOnly On = new(2027, 2, 15);
    private static readonly DateTimeOffset At = new(2027, 2, 3, 10, 0, 0, TimeSpan.Zero);

    private static FinalPlacement Placed(string id, GridBox box, FlightRisk risk = FlightRisk.Low) => new(id, GridPosition.Of(box), risk);

    private static SummaryInput Sales(PreviousCycle? previous = null) => new(
        "sales",
        [Placed("E1", GridBox.Star, FlightRisk.High), Placed("E2", GridBox.CorePlayer), Placed("E3", GridBox.CorePlayer), Placed("E4", GridBox.HighPerformer, FlightRisk.High)],
        [
            new CalibrationAdjustment("E1", GridPosition.Of(GridBox.HighPerformer), GridPosition.Of(GridBox.Star), "Launch", "hr", At),
            new CalibrationAdjustment("E1", GridPosition.Of(GridBox.Star), GridPosition.Of(GridBox.HighPerformer), "Undo", "hr", At),
            new CalibrationAdjustment("E2", GridPosition.Of(GridBox.Dilemma), GridPosition.Of(GridBox.CorePlayer), "Context", "hr", At),
            new CalibrationAdjustment("E3", null, GridPosition.Of(GridBox.CorePlayer), "No input; placed", "hr", At),
        ],
        [new MeritIncreaseDecision("E1", On, "hr", 3), new MeritIncreaseDecision("E4", On, "hr", 2), new NoChangeDecision("E2", On, "hr")],
        [new StepProgress(StepKind.SelfAssessment, 5, 4), new StepProgress(StepKind.ManagerInput, 5, 5)],
        DistributionGuidance.Default,
        previous);

    [Fact]
    public void Summarise_CountsAndPercentagesPerBoxAgainstGuidance()
    {
        var summary = CycleSummary.Summarise(Sales());

        Assert.Equal(4, summary.Population);
        var core = summary.Boxes.Single(b => b.Box == GridBox.CorePlayer);
        Assert.Equal((2, 50m, 40m, 10m), (core.Count, core.Percent, core.GuidancePercent, core.DeviationPoints));
        Assert.Equal(100m, summary.Boxes.Sum(b => b.Percent));
    }

    [Fact]
    public void Summarise_CalibrationChangesDecisionsRisksAndCompletion()
    {
        var summary = CycleSummary.Summarise(Sales());

        // A placement out of the holding area is counted apart, not as a move.
        Assert.Equal((3, 2, 1), (summary.AdjustmentCount, summary.EmployeesAdjusted, summary.PlacementCount));
        Assert.Equal([new DecisionCount(DecisionType.NoChange, 1), new DecisionCount(DecisionType.MeritIncrease, 2)], summary.Decisions);
        Assert.Equal(["E1", "E4"], summary.HighPerformersAtRisk);
        Assert.Equal([new StepCompletion(StepKind.SelfAssessment, 5, 4, 80m), new StepCompletion(StepKind.ManagerInput, 5, 5, 100m)], summary.Completion);
        Assert.Null(summary.Comparison);
    }

    [Fact]
    public void Summarise_WithPreviousCycle_GivesDeltasAndMovements()
    {
        var previous = new PreviousCycle("2025", [
            Placed("E1", GridBox.HighPerformer), Placed("E2", GridBox.Star), Placed("E3", GridBox.CorePlayer), Placed("E4", GridBox.EmergingTalent), Placed("E9", GridBox.CorePlayer),
        ]);

        var comparison = CycleSummary.Summarise(Sales(previous)).Comparison!;

        Assert.Equal("2025", comparison.PreviousCycleName);
        var core = comparison.Deltas.Single(d => d.Box == GridBox.CorePlayer);
        Assert.Equal((40m, 50m, 10m), (core.PreviousPercent, core.CurrentPercent, core.DeltaPoints));
        Assert.Equal(
            [new BoxMovement(GridBox.HighPerformer, GridBox.Star, 1), new BoxMovement(GridBox.EmergingTalent, GridBox.HighPerformer, 1), new BoxMovement(GridBox.Star, GridBox.CorePlayer, 1)],
            comparison.Movements);
        Assert.Equal((1, 1, 1, 1, 0), (comparison.MovedUp, comparison.MovedDown, comparison.MovedSideways, comparison.Unchanged, comparison.New));
    }

    [Fact]
    public void Summarise_EmployeeNotInThePreviousCycle_CountsAsNew()
    {
        var comparison = CycleSummary.Summarise(Sales(new PreviousCycle("2025", [Placed("E2", GridBox.CorePlayer)]))).Comparison!;

        Assert.Equal((3, 1), (comparison.New, comparison.Unchanged));
    }

    [Fact]
    public void Combine_AddsGroupsIntoOneOrganisationSummary()
    {
        var it = new SummaryInput("it", [Placed("E7", GridBox.CorePlayer)], [], [new NoChangeDecision("E7", On, "hr")],
            [new StepProgress(StepKind.SelfAssessment, 5, 1)], DistributionGuidance.Default);

        var summary = CycleSummary.Summarise(SummaryInput.Combine("organisation", [Sales(), it], DistributionGuidance.Default));

        Assert.Equal(("organisation", 5), (summary.Scope, summary.Population));
        Assert.Equal(60m, summary.Boxes.Single(b => b.Box == GridBox.CorePlayer).Percent);
        Assert.Equal(new StepCompletion(StepKind.SelfAssessment, 10, 5, 50m), summary.Completion[0]);
        Assert.Equal(2, summary.Decisions.Single(d => d.Type == DecisionType.NoChange).Count);
    }

    [Fact]
    public void Summarise_EmptyGroup_HasZeroPercentages()
    {
        var summary = CycleSummary.Summarise(new SummaryInput("empty", [], [], [], [new StepProgress(StepKind.ManagerInput, 0, 0)], DistributionGuidance.Default));

        Assert.All(summary.Boxes, b => Assert.Equal(0m, b.Percent));
        Assert.Equal(0m, summary.Completion[0].Percent);
    }
}
