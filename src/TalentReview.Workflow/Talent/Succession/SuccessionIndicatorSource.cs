using TalentReview.Domain.Talent.History;
using TalentReview.Domain.Talent.Indicators;
using TalentReview.Workflow.Talent.Indicators;

namespace TalentReview.Workflow.Talent.Succession;

/// <summary>
/// The share of critical roles with someone ready now, on HR's indicator page and in its export. Critical roles
/// are kept as they are today, not per cycle: the figure stands against the latest released cycle, for the whole organisation.
/// </summary>
public sealed class SuccessionIndicatorSource(SuccessionCoverageQuery coverage) : ITalentIndicatorSource
{
    public static readonly IndicatorDefinition ReadySuccessorShare = new(
        "readySuccessorShare",
        IndicatorUnit.Percent,
        "Kritieke functies met een opvolger die nu klaar is",
        "Fonctions critiques avec un successeur prêt maintenant",
        "Critical roles with a successor ready now");

    public IReadOnlyList<IndicatorDefinition> Definitions { get; } = [ReadySuccessorShare];

    public async Task<IReadOnlyList<IndicatorValue>> ComputeAsync(IReadOnlyList<TalentOutcome> outcomes, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var latest = outcomes.MaxBy(o => o.ReleasedOn);
        if (latest is null)
        {
            return [];
        }

        var now = await coverage.GetAsync(cancellationToken);
        var share = now.Share is { } value ? Math.Round(100m * value, 1) : (decimal?)null;
        return [new IndicatorValue(ReadySuccessorShare.Key, null, latest.CycleId, latest.CycleName, latest.ReleasedOn, share, now.WithReadySuccessor, now.CriticalRoles)];
    }
}
