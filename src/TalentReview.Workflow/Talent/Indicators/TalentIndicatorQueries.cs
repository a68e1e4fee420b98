using TalentReview.Domain.Planning;
using TalentReview.Domain.Talent.Indicators;
using TalentReview.Workflow.Talent.History;

namespace TalentReview.Workflow.Talent.Indicators;

/// <summary>The indicators and their values, the talent history's own first, then those of every <see cref="ITalentIndicatorSource"/>.</summary>
public sealed record IndicatorReport(DateOnly Today, IReadOnlyList<IndicatorDefinition> Definitions, IReadOnlyList<IndicatorValue> Values);

/// <summary>Computes HR's indicators across the kept cycles, as of today in the zone of the latest cycle.</summary>
public sealed class TalentIndicatorQueries(ITalentHistory history, IEnumerable<ITalentIndicatorSource> sources, TimeProvider time)
{
    public async Task<IndicatorReport> ComputeAsync(CancellationToken cancellationToken = default)
    {
        var outcomes = await history.GetAllOutcomesAsync(cancellationToken).ConfigureAwait(false);
        var zone = outcomes.OrderBy(o => o.ReleasedOn).LastOrDefault()?.TimeZoneId ?? OrganisationTime.DefaultTimeZoneId;
        var today = new OrganisationTime(zone, OrganisationTime.Default.WorkingHour).DateOf(time.GetUtcNow());
        var definitions = new List<IndicatorDefinition>(TalentIndicators.Definitions);
        var values = new List<IndicatorValue>(TalentIndicators.Compute(outcomes, today));
        foreach (var source in sources)
        {
            definitions.AddRange(source.Definitions);
            values.AddRange(await source.ComputeAsync(outcomes, today, cancellationToken).ConfigureAwait(false));
        }

        return new IndicatorReport(today, definitions, values);
    }
}
