using TalentReview.Durable;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Cycle;

/// <summary>
/// The cancel cascade: marks the cycle and its groups cancelled, then terminates every running
/// instance the cycle started (groups, reviews, waves, follow-ups), page by page through the client.
/// Returns how many instances were terminated; running it again terminates nothing twice.
/// </summary>
public sealed class CancelCycle(ReviewStore store, DurableClient client) : Activity<CycleCancelledEvent, int>
{
    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    public override async Task<int> RunAsync(ActivityContext context, CycleCancelledEvent input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = context.CancellationToken;
        await store.UpdateCycleAsync(input.CycleId, c => c with { State = CycleState.Cancelled, CancelReason = input.Reason }, cancellation);
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
            string? token = null;
            do
            {
                var page = await client.QueryInstancesAsync(new OrchestrationQuery(Running, prefix, PageSize: 500, ContinuationToken: token), cancellation);
                foreach (var instance in page.Instances)
                {
                    await client.TerminateInstanceAsync(instance.InstanceId, new TerminateInstanceOptions(input.Reason), cancellation);
                    terminated++;
                }

                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        return terminated;
    }
}
