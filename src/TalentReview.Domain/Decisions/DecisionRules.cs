using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Decisions;

/// <summary>Bounds HR sets for decisions in a cycle.</summary>
public sealed record DecisionPolicy(
    decimal MinMeritPercent = 0m,
    decimal MaxMeritPercent = 10m,
    IReadOnlyList<int>? FollowUpMonths = null,
    int MinReasonLength = 20)
{
    public static DecisionPolicy Default { get; } = new();

    /// <summary>Months after the decision date for follow-ups; 3 and 6 unless set.</summary>
    public IReadOnlyList<int> EffectiveFollowUpMonths => FollowUpMonths is { Count: > 0 } months ? months : [3, 6];
}

/// <summary>Checks decisions against the cycle's rules and proposes a default per box.</summary>
public sealed class DecisionRules(DecisionPolicy? policy = null)
{
    public DecisionPolicy Policy { get; } = policy ?? DecisionPolicy.Default;

    /// <summary>Errors for one decision; <paramref name="input"/> is the manager's input when there is one.</summary>
    public IReadOnlyList<ValidationError> Validate(Decision decision, ManagerInput? input) => throw new NotImplementedException();

    /// <summary>Follow-up dates for plans, counted from the decision date.</summary>
    public IReadOnlyList<DateOnly> FollowUps(DateOnly decidedOn) => throw new NotImplementedException();

    /// <summary>The decision the grid suggests for a box; HR and the manager refine it.</summary>
    public Decision Propose(string employeeId, GridBox box, ManagerInput? input, DateOnly decidedOn, string decidedBy) => throw new NotImplementedException();
}
