using TalentReview.Domain.Talent.History;
using TalentReview.Domain.Talent.Indicators;

namespace TalentReview.Workflow.Talent.Indicators;

/// <summary>
/// More indicators for HR's indicator page and export, from another feature (such as the share of
/// critical roles with a ready successor): register one as a singleton and its values appear next
/// to the talent history's own, per cycle and department.
/// </summary>
public interface ITalentIndicatorSource
{
    IReadOnlyList<IndicatorDefinition> Definitions { get; }

    /// <param name="outcomes">Every outcome kept in the talent history.</param>
    /// <param name="today">Today in the organisation's zone.</param>
    Task<IReadOnlyList<IndicatorValue>> ComputeAsync(IReadOnlyList<TalentOutcome> outcomes, DateOnly today, CancellationToken cancellationToken = default);
}
