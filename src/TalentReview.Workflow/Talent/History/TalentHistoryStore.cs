using TalentReview.Domain.Talent.History;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Talent.History;

/// <summary>
/// Kept outcomes in their own partition (<see cref="Partition"/>), one document per person and cycle,
/// so they outlive the cycle's partition until the cycle's retention is over. Point reads and
/// single-partition queries only, on both stores.
/// </summary>
public sealed class TalentHistoryStore(IDocumentStore store) : ITalentHistory
{
    public const string Partition = "talent-history";

    private const int PageSize = 500;
    private const int MaxConflictRetries = 10;

    public static DocumentKey OutcomeKey(string employeeId, string cycleId) => new(Partition, $"outcome:{employeeId}:{cycleId}");

    /// <summary>Keeps an outcome once: a record already kept (a retried release) stays as it is, with any follow-ups recorded since.</summary>
    public async Task<bool> KeepAsync(TalentOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var key = OutcomeKey(outcome.EmployeeId, outcome.CycleId);
        try
        {
            await store.CreateAsync(key, DocumentKinds.TalentOutcome, new TalentOutcomeDocument(outcome.EmployeeId, outcome.CycleId, outcome), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DocumentConflictException)
        {
            // Kept before: by an earlier run of the same release, whose record may have follow-ups since.
            return false;
        }
    }

    /// <summary>Records a plan's follow-up as held on <paramref name="heldOn"/>; null when no such outcome or follow-up is kept. Idempotent.</summary>
    public async Task<TalentOutcome?> RecordFollowUpHeldAsync(string employeeId, string cycleId, DateOnly dueOn, DateOnly heldOn, CancellationToken cancellationToken = default)
    {
        var key = OutcomeKey(employeeId, cycleId);
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.ReadAsync<TalentOutcomeDocument>(key, cancellationToken).ConfigureAwait(false);
            var outcome = stored?.Value.Outcome;
            if (outcome is null || outcome.FollowUps.All(f => f.DueOn != dueOn))
            {
                return null;
            }

            if (outcome.FollowUps.Any(f => f.DueOn == dueOn && f.Status == FollowUpStatus.Held))
            {
                return outcome;
            }

            var changed = outcome with
            {
                FollowUps = [.. outcome.FollowUps.Select(f => f.DueOn == dueOn ? f with { Status = FollowUpStatus.Held, HeldOn = heldOn } : f)],
            };
            try
            {
                await store.ReplaceAsync(key, DocumentKinds.TalentOutcome, stored!.Value with { Outcome = changed }, stored.ETag, cancellationToken).ConfigureAwait(false);
                return changed;
            }
            catch (DocumentConflictException) when (attempt < MaxConflictRetries)
            {
                // Someone recorded another follow-up of the same outcome first: apply ours to theirs.
            }
        }
    }

    public async Task<TalentHistory> GetHistoryAsync(string employeeId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(employeeId);
        var outcomes = await QueryAsync(new Dictionary<string, string> { ["employeeId"] = employeeId }, cancellationToken).ConfigureAwait(false);
        return new TalentHistory(employeeId, outcomes);
    }

    public async Task<IReadOnlyList<TalentOutcome>> GetLatestOutcomesAsync(CancellationToken cancellationToken = default)
        => Latest(await GetAllOutcomesAsync(cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<TalentOutcome>> GetLatestOutcomesOfAsync(IReadOnlyCollection<string> employeeIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        var outcomes = new List<TalentOutcome>();
        foreach (var page in employeeIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(DocumentRules.MaxAnyOfValues))
        {
            outcomes.AddRange(await QueryAsync(null, cancellationToken, new Dictionary<string, IReadOnlyList<string>> { ["employeeId"] = page }).ConfigureAwait(false));
        }

        return Latest(outcomes);
    }

    public async Task<IReadOnlyList<TalentOutcome>> GetAllOutcomesAsync(CancellationToken cancellationToken = default)
        => [.. (await QueryAsync(null, cancellationToken).ConfigureAwait(false))
            .OrderBy(o => o.EmployeeId, StringComparer.Ordinal).ThenBy(o => o.ReleasedOn).ThenBy(o => o.CycleId, StringComparer.Ordinal)];

    /// <summary>Every outcome kept of one cycle's people (its retention is over, or HR purges it); returns how many were deleted.</summary>
    public async Task<int> ForgetCycleAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cycleId);
        var deleted = 0;
        foreach (var outcome in await QueryAsync(new Dictionary<string, string> { ["cycleId"] = cycleId }, cancellationToken).ConfigureAwait(false))
        {
            deleted += await store.DeleteAsync(OutcomeKey(outcome.EmployeeId, cycleId), cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return deleted;
    }

    private static List<TalentOutcome> Latest(IEnumerable<TalentOutcome> outcomes)
        => [.. outcomes
            .GroupBy(o => o.EmployeeId, StringComparer.Ordinal)
            .Select(person => new TalentHistory(person.Key, person).Latest!)
            .OrderBy(o => o.EmployeeId, StringComparer.Ordinal)];

    private async Task<List<TalentOutcome>> QueryAsync(Dictionary<string, string>? where, CancellationToken cancellationToken, Dictionary<string, IReadOnlyList<string>>? whereAnyOf = null)
    {
        var outcomes = new List<TalentOutcome>();
        for (var query = new DocumentQuery(Partition, DocumentKinds.TalentOutcome, where, null, PageSize, whereAnyOf); ;)
        {
            var page = await store.QueryAsync<TalentOutcomeDocument>(query, cancellationToken).ConfigureAwait(false);
            outcomes.AddRange(page.Items.Select(i => i.Value.Outcome));
            if (page.NextAfterId is null)
            {
                return outcomes;
            }

            query = query with { AfterId = page.NextAfterId };
        }
    }
}
