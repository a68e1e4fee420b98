using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.History;

namespace TalentReview.Domain.Talent.Careers;

/// <summary>Why a person fits an open role: the move it would be for them, and how their wishes, readiness and box match.</summary>
public sealed record Candidate(TalentOutcome Latest, MoveKind Move, bool AspirationMatches, PromotionReadiness? Readiness, GridBox Box, int Score);

/// <summary>
/// The people who fit a role that opens, best first, from their latest outcome: someone one level
/// below (a promotion) or at the same level elsewhere (a lateral move), placed on the grid, not
/// leaving, and not already in the role. Readiness weighs most, then the box, then whether the
/// move is what they asked for.
/// </summary>
public static class InternalCandidates
{
    public static IReadOnlyList<Candidate> For(JobFunction opening, IEnumerable<TalentOutcome> latestOutcomes)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(latestOutcomes);
        var candidates = new List<Candidate>();
        foreach (var outcome in latestOutcomes)
        {
            var now = outcome.FunctionAfter;
            if (outcome.Box is not { } box || now == opening || outcome.Decision is Decisions.ExitSupportDecision || outcome.Self?.Aspiration == CareerAspiration.ExternalMove)
            {
                continue;
            }

            MoveKind? move = (now.Rank, opening.Rank) switch
            {
                ({ } from, { } to) when to == from + 1 => MoveKind.Promotion,
                ({ } from, { } to) when to == from && now.Department != opening.Department => MoveKind.LateralMove,
                (null, null) when now.Department != opening.Department => MoveKind.LateralMove,
                _ => null,
            };
            if (move is not { } kind)
            {
                continue;
            }

            var aspiration = outcome.Self?.Aspiration is { } wish && Wants(wish, kind);
            var readiness = outcome.Manager?.Readiness;
            var position = GridPosition.Of(box);
            var score = (readiness switch { PromotionReadiness.ReadyNow => 6, PromotionReadiness.InOneToTwoYears => 3, _ => 0 })
                + ((int)position.Performance + (int)position.Potential)
                + (aspiration ? 2 : 0);
            candidates.Add(new Candidate(outcome, kind, aspiration, readiness, box, score));
        }

        return [.. candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Latest.Name, StringComparer.Ordinal).ThenBy(c => c.Latest.EmployeeId, StringComparer.Ordinal)];
    }

    private static bool Wants(CareerAspiration wish, MoveKind move) => (wish, move) switch
    {
        (CareerAspiration.Promotion, MoveKind.Promotion) => true,
        (CareerAspiration.HorizontalMove or CareerAspiration.JobRotation, MoveKind.LateralMove) => true,
        _ => false,
    };
}
