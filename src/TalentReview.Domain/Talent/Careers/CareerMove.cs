using TalentReview.Domain.Decisions;
using TalentReview.Domain.Talent.History;

namespace TalentReview.Domain.Talent.Careers;

/// <summary>The kinds of career move between functions.</summary>
public enum MoveKind
{
    Promotion,
    LateralMove,
    Rotation,
    StepBack,
}

/// <summary>
/// A move that happened: decided in a cycle (a promotion, lateral move, rotation or step back), or
/// seen on the roster between two cycles without a decision of a review (<see cref="Decided"/> false).
/// </summary>
public sealed record CareerMove(string EmployeeId, string Name, string CycleId, string CycleName, DateOnly On, JobFunction From, JobFunction To, MoveKind Kind, bool Decided);

/// <summary>Finds the moves in people's kept outcomes.</summary>
public static class CareerMoves
{
    /// <summary>Every move, oldest first: each decided move, and each change of function between two kept cycles that no decision explains.</summary>
    public static IReadOnlyList<CareerMove> Of(IEnumerable<TalentOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var moves = new List<CareerMove>();
        foreach (var person in outcomes.GroupBy(o => o.EmployeeId, StringComparer.Ordinal))
        {
            var history = new TalentHistory(person.Key, person).Outcomes;
            for (var i = 0; i < history.Count; i++)
            {
                var outcome = history[i];
                if (i > 0 && history[i - 1].FunctionAfter is var expected && expected != outcome.Function && KindOf(expected, outcome.Function) is { } seen)
                {
                    moves.Add(new CareerMove(outcome.EmployeeId, outcome.Name, outcome.CycleId, outcome.CycleName, outcome.ReleasedOn, expected, outcome.Function, seen, Decided: false));
                }

                if (DecidedKindOf(outcome.Decision) is { } decided)
                {
                    var to = decided == MoveKind.Rotation && outcome.Decision is JobRotationDecision rotation
                        ? outcome.Function with { Department = rotation.TargetDepartment }
                        : outcome.FunctionAfter;
                    moves.Add(new CareerMove(outcome.EmployeeId, outcome.Name, outcome.CycleId, outcome.CycleName, outcome.Decision!.DecidedOn, outcome.Function, to, decided, Decided: true));
                }
            }
        }

        return [.. moves.OrderBy(m => m.On).ThenBy(m => m.EmployeeId, StringComparer.Ordinal)];
    }

    public static MoveKind? DecidedKindOf(Decision? decision) => decision switch
    {
        PromotionDecision => MoveKind.Promotion,
        LateralMoveDecision => MoveKind.LateralMove,
        JobRotationDecision => MoveKind.Rotation,
        StepBackDecision => MoveKind.StepBack,
        _ => null,
    };

    /// <summary>A higher level is a promotion, a lower one a step back; at the same level another function is a lateral move.</summary>
    public static MoveKind? KindOf(JobFunction from, JobFunction to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from == to)
        {
            return null;
        }

        return (from.Rank, to.Rank) switch
        {
            ({ } a, { } b) when b > a => MoveKind.Promotion,
            ({ } a, { } b) when b < a => MoveKind.StepBack,
            _ => MoveKind.LateralMove,
        };
    }
}
