using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Cycle;

/// <summary>
/// How many of the cycle's groups have no final decisions yet, as stored: what a resumed cycle waits for. A group whose
/// workflow failed would never get there, so it fails this step with the group and the reason, and the cycle stalls where HR sees it.
/// </summary>
public sealed class CountGroupsNotFinal(ReviewStore store, DurableTaskClient client) : TaskActivity<string, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var notFinal = 0;
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(input, after, 200, CancellationToken.None);
            foreach (var group in page.Items.Select(i => i.Value).Where(g => g.Phase is not (GroupPhase.DecisionsFinalised or GroupPhase.Cancelled)))
            {
                if (await client.GetInstanceAsync(InstanceIds.Group(input, group.GroupId), cancellation: CancellationToken.None) is { RuntimeStatus: OrchestrationRuntimeStatus.Failed } failed)
                {
                    throw new InvalidOperationException($"The workflow of calibration group {group.Name} failed: {failed.FailureDetails?.ErrorType}: {failed.FailureDetails?.ErrorMessage}");
                }

                notFinal++;
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return notFinal;
    }
}
