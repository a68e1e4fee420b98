using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Talent.History;

/// <summary>How a person's box moved from one cycle to the next.</summary>
public enum BoxMove
{
    /// <summary>The first placed cycle kept for the person.</summary>
    First,
    Up,
    Same,
    Down,

    /// <summary>Higher on one axis, lower on the other.</summary>
    Sideways,

    /// <summary>Not placed in this cycle.</summary>
    NotPlaced,
}

/// <summary>One cycle in a person's trend: the box and how it moved since the last placed cycle.</summary>
public sealed record TrendStep(string CycleId, string CycleName, DateOnly ReleasedOn, GridBox? Box, BoxMove Move);

/// <summary>
/// Everything kept about one person across cycles, oldest cycle first, with the trend of their box.
/// A move is up when neither performance nor potential went down and one went up.
/// </summary>
public sealed class TalentHistory
{
    public TalentHistory(string employeeId, IEnumerable<TalentOutcome> outcomes)
    {
        ArgumentException.ThrowIfNullOrEmpty(employeeId);
        ArgumentNullException.ThrowIfNull(outcomes);
        EmployeeId = employeeId;
        Outcomes = [.. outcomes.Where(o => o.EmployeeId == employeeId).OrderBy(o => o.ReleasedOn).ThenBy(o => o.CycleId, StringComparer.Ordinal)];
        Trend = TrendOf(Outcomes);
    }

    public string EmployeeId { get; }

    public IReadOnlyList<TalentOutcome> Outcomes { get; }

    public IReadOnlyList<TrendStep> Trend { get; }

    public TalentOutcome? Latest => Outcomes.Count > 0 ? Outcomes[^1] : null;

    public bool IsEmpty => Outcomes.Count == 0;

    public static BoxMove MoveBetween(GridBox? before, GridBox? after)
    {
        if (after is not { } now)
        {
            return BoxMove.NotPlaced;
        }

        if (before is not { } then)
        {
            return BoxMove.First;
        }

        var (from, to) = (GridPosition.Of(then), GridPosition.Of(now));
        var performance = to.Performance.CompareTo(from.Performance);
        var potential = to.Potential.CompareTo(from.Potential);
        return (performance, potential) switch
        {
            (0, 0) => BoxMove.Same,
            ( >= 0, >= 0) => BoxMove.Up,
            ( <= 0, <= 0) => BoxMove.Down,
            _ => BoxMove.Sideways,
        };
    }

    private static List<TrendStep> TrendOf(IReadOnlyList<TalentOutcome> outcomes)
    {
        var steps = new List<TrendStep>(outcomes.Count);
        GridBox? lastPlaced = null;
        foreach (var outcome in outcomes)
        {
            steps.Add(new TrendStep(outcome.CycleId, outcome.CycleName, outcome.ReleasedOn, outcome.Box, MoveBetween(lastPlaced, outcome.Box)));
            lastPlaced = outcome.Box ?? lastPlaced;
        }

        return steps;
    }
}
