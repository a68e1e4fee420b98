using TalentReview.Durable;
using TalentReview.Workflow;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Hr;

/// <summary>
/// Deletes everything a cycle stored (documents, orchestration history, its entry in the list and
/// its kept results): the retention purge. Only for a cycle that no longer runs.
/// </summary>
public sealed class CyclePurge(ReviewStore store, DurableClient client)
{
    public async Task<(CommandResult Result, PurgeResponse? Purged)> PurgeAsync(string cycleId, CancellationToken cancellationToken)
    {
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return (CommandResult.NotFound(nameof(cycleId), "No such cycle."), null);
        }

        if (cycle.State is not (CycleState.Cancelled or CycleState.Released))
        {
            return (CommandResult.NotAllowed(nameof(cycleId), "cycleRunning", "Only a cancelled or released cycle can be purged; cancel it first."), null);
        }

        var instances = 0;
        foreach (var prefix in InstanceIds.ChildPrefixes(cycleId))
        {
            await TerminateRunningAsync(prefix, cancellationToken);
            instances += (await client.PurgeAllInstancesAsync(new PurgeInstancesFilter(InstanceIdPrefix: prefix), cancellationToken)).PurgedInstanceCount;
        }

        if (await client.GetInstanceAsync(InstanceIds.Cycle(cycleId), cancellation: cancellationToken) is { IsRunning: true })
        {
            await client.TerminateInstanceAsync(InstanceIds.Cycle(cycleId), new TerminateInstanceOptions(Recursive: true), cancellationToken);
        }

        instances += (await client.PurgeInstanceAsync(InstanceIds.Cycle(cycleId), new PurgeInstanceOptions(Recursive: true), cancellationToken)).PurgedInstanceCount;
        var documents = await store.Documents.DeletePartitionAsync(cycleId, cancellationToken);
        documents += await store.Documents.DeleteAsync(ReviewStore.CycleIndexKey(cycleId), cancellationToken) ? 1 : 0;
        for (var chunk = 0; await store.Documents.DeleteAsync(ReviewStore.PreviousResultsKey(cycleId, chunk), cancellationToken); chunk++)
        {
            documents++;
        }

        return (CommandResult.Done, new PurgeResponse(cycleId, documents, instances));
    }

    /// <summary>Follow-up reminders of a released cycle may still wait on timers; they end with the purge.</summary>
    private async Task TerminateRunningAsync(string prefix, CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await client.QueryInstancesAsync(
                new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended], InstanceIdPrefix: prefix, ContinuationToken: continuation),
                cancellationToken);
            foreach (var instance in page.Instances)
            {
                await client.TerminateInstanceAsync(instance.InstanceId, cancellation: cancellationToken);
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);
    }
}
