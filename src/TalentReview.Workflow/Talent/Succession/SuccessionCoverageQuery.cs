using TalentReview.Domain.Talent.Succession;

namespace TalentReview.Workflow.Talent.Succession;

/// <summary>The indicator "share of critical roles with a ready successor", for the indicators page.</summary>
public sealed class SuccessionCoverageQuery(TalentStore talent)
{
    public async Task<SuccessionCoverage> GetAsync(CancellationToken cancellationToken = default)
        => SuccessionCoverage.Of((await talent.ListRolesAsync(cancellationToken)).Where(r => r.IsCritical));
}
