using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Cycle;

/// <summary>
/// For a resumed cycle: starts the workflow of every stored group that has none (the failed workflow ended before it started
/// them), with the stored plan's dates. Groups already started run on; a start repeated after a retry finds them and starts
/// nothing twice. Returns how many it started.
/// </summary>
public sealed class StartMissingGroups(ReviewStore store, DurableTaskClient client) : TaskActivity<string, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cycle = await store.GetCycleAsync(input, CancellationToken.None) ?? throw new InvalidOperationException($"Cycle {input} is not stored.");
        var schedule = CycleSchedule.From(cycle.Plan);
        var started = 0;
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(input, after, 200, CancellationToken.None);
            foreach (var group in page.Items.Select(i => i.Value))
            {
                if (await client.StartOnceAsync(
                    nameof(CalibrationGroupOrchestration), InstanceIds.Group(input, group.GroupId), new CalibrationGroupInput(input, group.GroupId, group.Members, schedule), CancellationToken.None))
                {
                    started++;
                }
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return started;
    }
}
