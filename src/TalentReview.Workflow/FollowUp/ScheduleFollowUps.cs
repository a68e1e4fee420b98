using TalentReview.Durable;

namespace TalentReview.Workflow.FollowUp;

/// <summary>
/// Starts a group's follow-ups as their own instance through the client, so the group (and the
/// cycle) can finish while follow-ups wait months. Idempotent: an existing instance is kept.
/// </summary>
public sealed class ScheduleFollowUps(DurableClient client) : Activity<FollowUpInput, bool>
{
    public override async Task<bool> RunAsync(ActivityContext context, FollowUpInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var instanceId = InstanceIds.FollowUp(input.CycleId, input.GroupId);
        if (await client.GetInstanceAsync(instanceId, cancellation: context.CancellationToken) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(FollowUpOrchestration), input, new StartOrchestrationOptions(instanceId), context.CancellationToken);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }
}
