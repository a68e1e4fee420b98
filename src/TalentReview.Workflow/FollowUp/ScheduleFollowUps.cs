using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace TalentReview.Workflow.FollowUp;

/// <summary>
/// Starts a group's follow-ups as their own instance through the client, so the group (and the
/// cycle) can finish while follow-ups wait months. Idempotent: an existing instance is kept.
/// </summary>
public sealed class ScheduleFollowUps(DurableTaskClient client) : TaskActivity<FollowUpInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, FollowUpInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return await client.StartOnceAsync(nameof(FollowUpOrchestration), InstanceIds.FollowUp(input.CycleId, input.GroupId), input, CancellationToken.None);
    }
}
