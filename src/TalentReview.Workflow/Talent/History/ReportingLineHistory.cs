using TalentReview.Domain.Talent.History;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Talent.History;

/// <summary>
/// The latest outcomes of the people in one manager's reporting line (their reports and everyone below), for
/// the manager's team page. The line is walked level by level in the cycle's partition, then only those people's
/// history is read: what it costs grows with the line, not with the organisation.
/// </summary>
public sealed class ReportingLineHistory(ReviewStore store, ITalentHistory history)
{
    /// <summary>People below <paramref name="managerId"/> in the cycle whose latest outcome has the manager in its reporting line.</summary>
    public async Task<IReadOnlyList<TalentOutcome>> LatestBelowAsync(string cycleId, string managerId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cycleId);
        ArgumentException.ThrowIfNullOrEmpty(managerId);
        var below = await PeopleBelowAsync(cycleId, managerId, cancellationToken).ConfigureAwait(false);
        if (below.Count == 0)
        {
            return [];
        }

        return [.. (await history.GetLatestOutcomesOfAsync(below, cancellationToken).ConfigureAwait(false)).Where(o => o.ReportingLine.Contains(managerId))];
    }

    /// <summary>
    /// Each level: the participants who report to someone of the level above (as reassigned in the cycle), and the
    /// managers the skip-level documents list under them (a manager who is no participant still leads a level).
    /// </summary>
    private async Task<HashSet<string>> PeopleBelowAsync(string cycleId, string managerId, CancellationToken cancellationToken)
    {
        var below = new HashSet<string>(StringComparer.Ordinal);
        for (List<string> level = [managerId]; level.Count > 0;)
        {
            var next = new List<string>();
            foreach (var managers in level.Chunk(DocumentRules.MaxAnyOfValues))
            {
                next.AddRange((await store.GetReportsOfAsync(cycleId, managers, managerInput: null, cancellationToken).ConfigureAwait(false)).Select(p => p.EmployeeId));
                var skipLevels = new DocumentQuery(cycleId, DocumentKinds.SkipLevel, WhereAnyOf: new Dictionary<string, IReadOnlyList<string>> { ["skipLevelId"] = managers });
                for (string? after = null; ;)
                {
                    var page = await store.Documents.QueryAsync<SkipLevelDocument>(skipLevels with { AfterId = after }, cancellationToken).ConfigureAwait(false);
                    next.AddRange(page.Items.SelectMany(i => i.Value.ManagerIds));
                    if ((after = page.NextAfterId) is null)
                    {
                        break;
                    }
                }
            }

            // A loop in the roster ends the walk: everyone is visited once, and never the manager.
            level = [.. next.Where(id => id != managerId && below.Add(id))];
        }

        return below;
    }
}
