using TalentReview.Durable;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.EmployeeReview;

public sealed record ReviewBatchRequest(string CycleId, string GroupId, string? AfterId, int BatchSize);

public sealed record ReviewBatchResult(int Started, string? NextAfterId);

/// <summary>
/// Starts the employee reviews of one page of a group's participants through the client, so the
/// group's history holds one activity per batch, not one sub-orchestration per employee. Starting
/// a review that already exists is skipped, which makes a retried batch harmless.
/// </summary>
public sealed class StartReviewBatch(ReviewStore store, DurableClient client) : Activity<ReviewBatchRequest, ReviewBatchResult>
{
    private const int StartParallelism = 8;

    public override async Task<ReviewBatchResult> RunAsync(ActivityContext context, ReviewBatchRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var page = await store.QueryParticipantsAsync(input.CycleId, new ParticipantFilter(GroupId: input.GroupId), input.AfterId, input.BatchSize, context.CancellationToken);
        await Parallel.ForEachAsync(
            page.Items.Select(i => i.Value),
            new ParallelOptions { MaxDegreeOfParallelism = StartParallelism, CancellationToken = context.CancellationToken },
            async (participant, token) =>
            {
                var instanceId = InstanceIds.Review(participant.CycleId, participant.EmployeeId);

                // Scheduling over an ended instance would replace it (and signal its group twice).
                if (await client.GetInstanceAsync(instanceId, cancellation: token) is not null)
                {
                    return;
                }

                try
                {
                    await client.ScheduleNewOrchestrationInstanceAsync(
                        nameof(EmployeeReviewOrchestration),
                        new ReviewInput(participant.CycleId, participant.EmployeeId, participant.GroupId, participant.SelfAssessmentState, participant.ManagerInputState),
                        new StartOrchestrationOptions(instanceId),
                        token);
                }
                catch (OrchestrationAlreadyExistsException)
                {
                    // Started by an earlier attempt of this batch.
                }
            });
        return new ReviewBatchResult(page.Items.Count, page.NextAfterId);
    }
}
