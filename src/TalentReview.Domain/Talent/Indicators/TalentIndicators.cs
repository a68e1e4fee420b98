using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.Careers;
using TalentReview.Domain.Talent.History;

namespace TalentReview.Domain.Talent.Indicators;

/// <summary>How an indicator's value reads: a share in percent, or a number of months.</summary>
public enum IndicatorUnit
{
    Percent,
    Months,
}

/// <summary>An indicator HR follows across cycles, with its name in nl, fr and en (so other features can add their own).</summary>
public sealed record IndicatorDefinition(string Key, IndicatorUnit Unit, string Nl, string Fr, string En);

/// <summary>
/// One indicator for one cycle and scope (<paramref name="Department"/> null: the whole organisation).
/// <paramref name="Value"/> is null when nothing could be measured; <paramref name="Count"/> of
/// <paramref name="Of"/> says what it is measured on (held of due, stayed of placed, measured of promoted).
/// </summary>
public sealed record IndicatorValue(string Key, string? Department, string CycleId, string CycleName, DateOnly ReleasedOn, decimal? Value, int Count, int Of);

/// <summary>
/// The indicators HR asks for, per cycle, for the organisation and per department (the person's
/// department in the cycle measured):
/// retention of high performers (placed with high performance in the previous kept cycle, and still
/// reviewed in this one); time to promotion (months from the person's previous promotion, or their
/// first kept cycle, to this cycle's promotion); internal mobility (share of people with a move in the
/// cycle); follow-up completion of plans (follow-ups held of those due by <c>today</c>).
/// </summary>
public static class TalentIndicators
{
    public static readonly IndicatorDefinition HighPerformerRetention = new(
        "highPerformerRetention", IndicatorUnit.Percent, "Behoud van sterke presteerders", "Rétention des hauts performeurs", "Retention of high performers");

    public static readonly IndicatorDefinition TimeToPromotion = new(
        "timeToPromotion", IndicatorUnit.Months, "Tijd tot promotie", "Délai avant promotion", "Time to promotion");

    public static readonly IndicatorDefinition InternalMobility = new(
        "internalMobility", IndicatorUnit.Percent, "Interne mobiliteit", "Mobilité interne", "Internal mobility");

    public static readonly IndicatorDefinition FollowUpCompletion = new(
        "followUpCompletion", IndicatorUnit.Percent, "Opvolging van ontwikkelplannen", "Suivi des plans de développement", "Follow-up of development plans");

    public static IReadOnlyList<IndicatorDefinition> Definitions { get; } = [HighPerformerRetention, TimeToPromotion, InternalMobility, FollowUpCompletion];

    public static IReadOnlyList<IndicatorValue> Compute(IReadOnlyList<TalentOutcome> outcomes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var cycles = outcomes.GroupBy(o => o.CycleId, StringComparer.Ordinal)
            .Select(c => c.ToList())
            .OrderBy(c => c[0].ReleasedOn).ThenBy(c => c[0].CycleId, StringComparer.Ordinal)
            .ToList();
        var histories = outcomes.GroupBy(o => o.EmployeeId, StringComparer.Ordinal).ToDictionary(p => p.Key, p => new TalentHistory(p.Key, p).Outcomes, StringComparer.Ordinal);
        var moves = CareerMoves.Of(outcomes).ToLookup(m => m.CycleId, StringComparer.Ordinal);
        var values = new List<IndicatorValue>();
        for (var index = 0; index < cycles.Count; index++)
        {
            var cycle = cycles[index];
            var previous = index > 0 ? cycles[index - 1] : null;
            var movers = moves[cycle[0].CycleId].Select(m => m.EmployeeId).ToHashSet(StringComparer.Ordinal);
            foreach (var department in cycle.Select(o => o.Function.Department).Distinct().Order(StringComparer.Ordinal).Prepend(null))
            {
                bool InScope(TalentOutcome o) => department is null || o.Function.Department == department;
                var people = cycle.Where(InScope).ToList();
                IndicatorValue Value(IndicatorDefinition definition, decimal? value, int count, int of)
                    => new(definition.Key, department, cycle[0].CycleId, cycle[0].CycleName, cycle[0].ReleasedOn, value, count, of);

                if (previous is not null)
                {
                    var stayers = cycle.Select(o => o.EmployeeId).ToHashSet(StringComparer.Ordinal);
                    var high = previous.Where(InScope).Where(o => o.Box is { } box && GridPosition.Of(box).Performance == RatingLevel.High).ToList();
                    var stayed = high.Count(o => stayers.Contains(o.EmployeeId));
                    values.Add(Value(HighPerformerRetention, Percent(stayed, high.Count), stayed, high.Count));
                }

                var promoted = people.Where(o => o.Decision is PromotionDecision).ToList();
                var months = promoted.Select(o => MonthsSinceReference(histories[o.EmployeeId], o)).OfType<decimal>().ToList();
                values.Add(Value(TimeToPromotion, months.Count == 0 ? null : Math.Round(months.Average(), 1), months.Count, promoted.Count));

                var moved = people.Count(o => movers.Contains(o.EmployeeId));
                values.Add(Value(InternalMobility, Percent(moved, people.Count), moved, people.Count));

                var (held, due) = people.Select(o => o.FollowUpsBy(today)).Aggregate((0, 0), (sum, f) => (sum.Item1 + f.Held, sum.Item2 + f.Due));
                values.Add(Value(FollowUpCompletion, Percent(held, due), held, due));
            }
        }

        return values;
    }

    private static decimal? Percent(int count, int of) => of == 0 ? null : Math.Round(100m * count / of, 1);

    /// <summary>Months from the previous promotion (or the first kept cycle) to this one; null when this is the first kept cycle.</summary>
    private static decimal? MonthsSinceReference(IReadOnlyList<TalentOutcome> history, TalentOutcome promotion)
    {
        var earlier = history.TakeWhile(o => o.CycleId != promotion.CycleId).ToList();
        if (earlier.Count == 0)
        {
            return null;
        }

        var reference = earlier.LastOrDefault(o => o.Decision is PromotionDecision) ?? earlier[0];
        return Math.Round((promotion.ReleasedOn.DayNumber - reference.ReleasedOn.DayNumber) / 30.44m, 1);
    }
}
