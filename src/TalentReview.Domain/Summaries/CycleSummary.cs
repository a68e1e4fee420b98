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
    {
        ArgumentNullException.ThrowIfNull(groups);
        var progress = groups.SelectMany(g => g.Progress)
            .GroupBy(p => p.Step)
            .OrderBy(g => g.Key)
            .Select(g => new StepProgress(g.Key, g.Sum(p => p.Expected), g.Sum(p => p.Completed)))
            .ToList();
        return new SummaryInput(
            scope,
            [.. groups.SelectMany(g => g.Placements)],
            [.. groups.SelectMany(g => g.Adjustments)],
            [.. groups.SelectMany(g => g.Decisions)],
            progress,
            guidance,
            previous);
    }
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
    int MovedSideways,
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
    CycleComparison? Comparison,
    int PlacementCount = 0)
{
    public static CycleSummary Summarise(SummaryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var population = input.Placements.Count;
        var counts = CountBoxes(input.Placements);
        var boxes = Enum.GetValues<GridBox>()
            .Select(box =>
            {
                var percent = Percent(counts[(int)box], population);
                var guidance = input.Guidance.PercentFor(box);
                return new BoxSummaryLine(box, counts[(int)box], percent, guidance, percent - guidance);
            })
            .ToList();

        var atRisk = input.Placements
            .Where(p => p.Position.Performance == RatingLevel.High && p.FlightRisk == FlightRisk.High)
            .Select(p => p.EmployeeId)
            .ToList();

        var decisions = input.Decisions
            .GroupBy(d => d.Type)
            .OrderBy(g => g.Key)
            .Select(g => new DecisionCount(g.Key, g.Count()))
            .ToList();

        var completion = input.Progress
            .Select(p => new StepCompletion(p.Step, p.Expected, p.Completed, Percent(p.Completed, p.Expected)))
            .ToList();

        return new CycleSummary(
            input.Scope,
            population,
            boxes,
            input.Adjustments.Count(a => !a.IsPlacement),
            input.Adjustments.Where(a => !a.IsPlacement).Select(a => a.EmployeeId).Distinct(StringComparer.Ordinal).Count(),
            decisions,
            atRisk,
            completion,
            input.Previous is null ? null : Compare(input.Placements, counts, input.Previous),
            input.Adjustments.Count(a => a.IsPlacement));
    }

    private static int[] CountBoxes(IReadOnlyList<FinalPlacement> placements)
    {
        var counts = new int[10];
        foreach (var placement in placements)
        {
            counts[(int)placement.Position.Box]++;
        }

        return counts;
    }

    private static decimal Percent(int part, int whole) => whole == 0 ? 0m : Math.Round(100m * part / whole, 1);

    /// <summary>
    /// Box shares against the previous cycle, and for people in both cycles where they went. "Up" means
    /// more performance and potential taken together; "sideways" trades one for the other.
    /// </summary>
    private static CycleComparison Compare(IReadOnlyList<FinalPlacement> current, int[] currentCounts, PreviousCycle previous)
    {
        var previousCounts = CountBoxes(previous.Placements);
        var deltas = Enum.GetValues<GridBox>()
            .Select(box =>
            {
                var before = Percent(previousCounts[(int)box], previous.Placements.Count);
                var now = Percent(currentCounts[(int)box], current.Count);
                return new BoxDelta(box, before, now, now - before);
            })
            .ToList();

        var previousBox = new Dictionary<string, GridBox>(previous.Placements.Count, StringComparer.Ordinal);
        foreach (var placement in previous.Placements)
        {
            previousBox[placement.EmployeeId] = placement.Position.Box;
        }

        var movements = new int[10, 10];
        int up = 0, down = 0, sideways = 0, unchanged = 0, fresh = 0;
        foreach (var placement in current)
        {
            if (!previousBox.TryGetValue(placement.EmployeeId, out var before))
            {
                fresh++;
                continue;
            }

            var after = placement.Position.Box;
            movements[(int)before, (int)after]++;
            var change = Weight(placement.Position) - Weight(GridPosition.Of(before));
            if (after == before)
            {
                unchanged++;
            }
            else if (change > 0)
            {
                up++;
            }
            else if (change < 0)
            {
                down++;
            }
            else
            {
                sideways++;
            }
        }

        var moves = new List<BoxMovement>();
        foreach (var from in Enum.GetValues<GridBox>())
        {
            foreach (var to in Enum.GetValues<GridBox>())
            {
                if (from != to && movements[(int)from, (int)to] > 0)
                {
                    moves.Add(new BoxMovement(from, to, movements[(int)from, (int)to]));
                }
            }
        }

        return new CycleComparison(previous.CycleName, deltas, moves, up, down, sideways, unchanged, fresh);
    }

    private static int Weight(GridPosition position) => (int)position.Performance + (int)position.Potential;
}
