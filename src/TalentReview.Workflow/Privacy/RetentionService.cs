using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;
using TalentReview.Workflow.Talent.Succession;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Privacy;

/// <summary>
/// Purges what is kept about a cycle once its retention period is over: its durable instances, its
/// partition (every document of the cycle) and its organisation-wide entries (previous results, the
/// outcomes kept in the talent history, the cycle list entry), and, for the people no other cycle holds,
/// their place in critical roles and talent pools and the audit entries naming them. Called daily by the Azure timer function and by the local host, and by HR (the
/// HR API) to purge one ended cycle before its retention is over. Each step is
/// idempotent and the cycle list entry goes last, so a run that stops half-way is finished by the next.
/// </summary>
public sealed class RetentionService(ReviewStore store, DurableTaskClient client, IOptions<RetentionOptions> options, TimeProvider time)
{
    private const int PageSize = 200;

    private static readonly OrchestrationRuntimeStatus[] Unfinished =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    /// <summary>Purges every released or cancelled cycle whose last deadline is more than the retention period ago.</summary>
    public async Task<RetentionReport> PurgeExpiredCyclesAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-options.Value.Days);
        var expired = new List<string>();
        string? after = null;
        do
        {
            var page = await store.ListCyclesAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Items.Select(i => i.Value).Where(e => e.State is CycleState.Released or CycleState.Cancelled))
            {
                if (await EndedOnAsync(entry, cancellationToken).ConfigureAwait(false) < cutoff)
                {
                    expired.Add(entry.CycleId);
                }
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        var purges = new List<CyclePurge>(expired.Count);
        foreach (var cycleId in expired)
        {
            purges.Add(await PurgeCycleAsync(cycleId, cancellationToken).ConfigureAwait(false));
        }

        return new RetentionReport(cutoff, purges);
    }

    /// <summary>HR's purge of one cycle on request: refused while the cycle is still running (cancel it first).</summary>
    public async Task<CommandResult<CyclePurge>> PurgeEndedCycleAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (cycle is null)
        {
            return CommandResult<CyclePurge>.From(CommandResult.NotFound(nameof(cycleId), "No such cycle."));
        }

        if (cycle.State is not (CycleState.Cancelled or CycleState.Released))
        {
            return CommandResult<CyclePurge>.From(CommandResult.NotAllowed(nameof(cycleId), "cycleRunning", "Only a cancelled or released cycle can be purged; cancel it first."));
        }

        return new(CommandStatus.Succeeded, await PurgeCycleAsync(cycleId, cancellationToken).ConfigureAwait(false), []);
    }

    /// <summary>
    /// Purges one cycle now. Instances still running are terminated first; as termination may finish
    /// later, the cycle is then left for the next run (<see cref="CyclePurge.Deferred"/>) rather than
    /// deleting data under a live orchestration.
    /// </summary>
    public async Task<CyclePurge> PurgeCycleAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cycleId);
        var terminated = await TerminateUnfinishedAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (terminated > 0 && await HasUnfinishedAsync(cycleId, cancellationToken).ConfigureAwait(false))
        {
            return new CyclePurge(cycleId, terminated, 0, 0, Deferred: true);
        }

        var instances = (await client.PurgeInstanceAsync(InstanceIds.Cycle(cycleId), options: null, cancellationToken).ConfigureAwait(false)).PurgedInstanceCount;
        foreach (var prefix in (IEnumerable<string>)[.. InstanceIds.ChildPrefixes(cycleId), InstanceIds.ResumedCyclePrefix(cycleId)])
        {
            instances += await client.PurgeEndedAsync(prefix, cancellationToken).ConfigureAwait(false);
        }

        // Before the partition goes: its roster says whom the cycle knew.
        var documents = await ForgetPeopleOnlyInAsync(cycleId, cancellationToken).ConfigureAwait(false);
        documents += await store.Documents.DeletePartitionAsync(cycleId, cancellationToken).ConfigureAwait(false);
        for (var chunk = 0; await store.Documents.DeleteAsync(ReviewStore.PreviousResultsKey(cycleId, chunk), cancellationToken).ConfigureAwait(false); chunk++)
        {
            documents++;
        }

        documents += await new TalentHistoryStore(store.Documents).ForgetCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (await store.Documents.DeleteAsync(ReviewStore.CycleIndexKey(cycleId), cancellationToken).ConfigureAwait(false))
        {
            documents++;
        }

        return new CyclePurge(cycleId, terminated, instances, documents, Deferred: false);
    }

    /// <summary>
    /// The people of this cycle whom no other cycle still holds: nothing else about them is kept once it is
    /// purged, so critical roles, pools and their audit forget them too (see <see cref="TalentStore.ForgetPeopleAsync"/>).
    /// Only people the talent partition names are looked for in the other cycles' rosters.
    /// </summary>
    private async Task<int> ForgetPeopleOnlyInAsync(string cycleId, CancellationToken cancellationToken)
    {
        var talent = new TalentStore(store.Documents);
        if (await store.GetCycleAsync(cycleId, cancellationToken).ConfigureAwait(false) is not { } cycle)
        {
            return 0;
        }

        var named = await talent.NamedPeopleAsync(cancellationToken).ConfigureAwait(false);
        var people = (await RosterIdsAsync(cycle, cancellationToken).ConfigureAwait(false)).Where(named.Contains).ToHashSet(StringComparer.Ordinal);
        string? after = null;
        while (people.Count > 0)
        {
            var page = await store.ListCyclesAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var other in page.Items.Select(i => i.Value).Where(e => e.CycleId != cycleId))
            {
                if (await store.GetCycleAsync(other.CycleId, cancellationToken).ConfigureAwait(false) is { } kept)
                {
                    people.ExceptWith(await RosterIdsAsync(kept, cancellationToken).ConfigureAwait(false));
                }
            }

            after = page.NextAfterId;
            if (after is null)
            {
                break;
            }
        }

        return await talent.ForgetPeopleAsync(people, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ids on a cycle's roster snapshot; a chunk already deleted by a purge cut short holds nobody any more.</summary>
    private async Task<List<string>> RosterIdsAsync(CycleDocument cycle, CancellationToken cancellationToken)
    {
        var ids = new List<string>(cycle.RosterCount);
        for (var chunk = 0; chunk < cycle.RosterChunkFirstIds.Count; chunk++)
        {
            var read = await store.Documents.ReadAsync<RosterChunkDocument>(ReviewStore.RosterChunkKey(cycle.CycleId, chunk), cancellationToken).ConfigureAwait(false);
            ids.AddRange(read?.Value.Employees.Select(e => e.Id) ?? []);
        }

        return ids;
    }

    /// <summary>The cycle's last deadline; its launch day when the cycle document is already gone (a purge cut short).</summary>
    private async Task<DateOnly> EndedOnAsync(CycleIndexDocument entry, CancellationToken cancellationToken)
    {
        var cycle = await store.GetCycleAsync(entry.CycleId, cancellationToken).ConfigureAwait(false);
        return cycle is { Plan.Steps.Count: > 0 }
            ? cycle.Plan.Steps.Max(step => step.Deadline)
            : DateOnly.FromDateTime(entry.LaunchedAt.UtcDateTime);
    }

    private async Task<int> TerminateUnfinishedAsync(string cycleId, CancellationToken cancellationToken)
    {
        var terminated = 0;
        foreach (var instanceId in await UnfinishedInstancesAsync(cycleId, cancellationToken).ConfigureAwait(false))
        {
            await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions("Retention period over"), cancellationToken).ConfigureAwait(false);
            terminated++;
        }

        return terminated;
    }

    private async Task<bool> HasUnfinishedAsync(string cycleId, CancellationToken cancellationToken)
        => (await UnfinishedInstancesAsync(cycleId, cancellationToken).ConfigureAwait(false)).Count > 0;

    private async Task<List<string>> UnfinishedInstancesAsync(string cycleId, CancellationToken cancellationToken)
    {
        var instances = new List<string>();
        var cycleInstance = await client.GetInstanceAsync(InstanceIds.Cycle(cycleId), cancellation: cancellationToken).ConfigureAwait(false);
        if (cycleInstance is not null && Unfinished.Contains(cycleInstance.RuntimeStatus))
        {
            instances.Add(cycleInstance.InstanceId);
        }

        foreach (var prefix in (IEnumerable<string>)[.. InstanceIds.ChildPrefixes(cycleId), InstanceIds.ResumedCyclePrefix(cycleId)])
        {
            instances.AddRange(await client.FindInstancesAsync(prefix, Unfinished, cancellationToken).ConfigureAwait(false));
        }

        return instances;
    }
}

/// <summary>What one retention run did: cycles whose last deadline is before <paramref name="Cutoff"/> were purged.</summary>
public sealed record RetentionReport(DateOnly Cutoff, IReadOnlyList<CyclePurge> Cycles);

/// <summary>What was removed for one cycle; <paramref name="Deferred"/> when running instances were terminated and the rest waits for the next run.</summary>
public sealed record CyclePurge(string CycleId, int TerminatedInstances, int PurgedInstances, int DeletedDocuments, bool Deferred);
