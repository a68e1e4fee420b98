using TalentReview.Domain.Talent.Pools;
using TalentReview.Workflow.Talent.Succession;

namespace TalentReview.Workflow.Talent.Pools;

/// <summary>A pool with every change so far (creation, fills, HR's additions and removals).</summary>
public sealed record TalentPoolView(TalentPool Pool, IReadOnlyList<TalentAuditDocument> History);

public sealed class TalentPoolQueries(TalentStore talent)
{
    public async Task<IReadOnlyList<TalentPool>> ListAsync(CancellationToken cancellationToken = default)
        => [.. (await talent.ListPoolsAsync(cancellationToken)).OrderBy(p => p.Name, StringComparer.InvariantCulture)];

    public async Task<TalentPoolView?> GetAsync(string poolId, CancellationToken cancellationToken = default)
        => await talent.ReadPoolAsync(poolId, cancellationToken) is { } stored
            ? new TalentPoolView(stored.Value, await talent.PoolAuditAsync(poolId, cancellationToken))
            : null;
}
