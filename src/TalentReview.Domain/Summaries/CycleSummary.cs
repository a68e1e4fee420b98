using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;

namespace TalentReview.Domain.Summaries;

/// <summary>An employee's final place on the grid in a cycle, with the flight risk the manager gave.</summary>
public sealed record FinalPlacement(string EmployeeId, GridPosition Position, FlightRisk FlightRisk);

/// <summary>How many people a step expected and how many completed it.</summary>
public sealed record StepProgress(StepKind Step, int Expected, int Completed);

/// <summary>The placements of an earlier cycle, to compare against.</summary>
public sealed record PreviousCycle(string CycleName, IReadOnlyList<FinalPlacement> Placements);

/// <summary>What a summary is computed from: one calibration group, or several combined.</summary>
public sealed record SummaryInput(
    string Scope,
    IReadOnlyList<FinalPlacement> Placements,
    IReadOnlyList<CalibrationAdjustment> Adjustments,
    IReadOnlyList<Decision> Decisions,
    IReadOnlyList<StepProgress> Progress,
    DistributionGuidance Guidance,
    PreviousCycle? Previous = null)
{
    /// <summary>The organisation-wide input: everything of every group, under one scope.</summary>
    public static SummaryInput Combine(string scope, IReadOnlyList<SummaryInput> groups, DistributionGuidance guidance, PreviousCycle? previous = null)
        => throw new NotImplementedException();
}

public sealed record BoxSummaryLine(GridBox Box, int Count, decimal Percent, decimal GuidancePercent, decimal DeviationPoints);

public sealed record DecisionCount(DecisionType Type, int Count);

public sealed record StepCompletion(StepKind Step, int Expected, int Completed, decimal Percent);

public sealed record BoxDelta(GridBox Box, decimal PreviousPercent, decimal CurrentPercent, decimal DeltaPoints);

/// <summary>How many people went from one box to another between cycles.</summary>
public sealed record BoxMovement(GridBox From, GridBox To, int Count);

public sealed record CycleComparison(
    string PreviousCycleName,
    IReadOnlyList<BoxDelta> Deltas,
    IReadOnlyList<BoxMovement> Movements,
    int MovedUp,
    int MovedDown,
    int Unchanged,
    int New);

public sealed record CycleSummary(
    string Scope,
    int Population,
    IReadOnlyList<BoxSummaryLine> Boxes,
    int AdjustmentCount,
    int EmployeesAdjusted,
    IReadOnlyList<DecisionCount> Decisions,
    IReadOnlyList<string> HighPerformersAtRisk,
    IReadOnlyList<StepCompletion> Completion,
    CycleComparison? Comparison)
{
    public static CycleSummary Summarise(SummaryInput input) => throw new NotImplementedException();
}
