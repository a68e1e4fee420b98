using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Cycle;

/// <summary>
/// The cancel cascade: marks the cycle and its groups cancelled, then terminates every running
/// instance the cycle started (groups, reviews, waves, follow-ups), page by page through the client.
/// Returns how many instances were terminated; running it again terminates nothing twice.
/// </summary>
public sealed class CancelCycle(ReviewStore store, DurableTaskClient client) : TaskActivity<CycleCancelledEvent, int>
{
    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    public override async Task<int> RunAsync(TaskActivityContext context, CycleCancelledEvent input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        await store.UpdateCycleAsync(input.CycleId, c => c with { State = CycleState.Cancelled, CancelReason = input.Reason, Stall = null, GroupStalls = null }, cancellation);
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(input.CycleId, after, 200, cancellation);
            foreach (var group in page.Items.Select(i => i.Value))
            {
                await store.UpdateGroupAsync(input.CycleId, group.GroupId, g => g is null || g.Phase == GroupPhase.Cancelled ? g : g with { Phase = GroupPhase.Cancelled }, cancellation);
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        var terminated = 0;
        foreach (var prefix in InstanceIds.ChildPrefixes(input.CycleId))
        {
            foreach (var instanceId in await client.FindInstancesAsync(prefix, Running, cancellation))
            {
                await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(input.Reason), cancellation);
                terminated++;
            }
        }

        return terminated;
    }
}
