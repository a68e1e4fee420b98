using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.EmployeeReview;

public sealed record ReviewBatchRequest(string CycleId, string GroupId, string? AfterId, int BatchSize);

public sealed record ReviewBatchResult(int Started, string? NextAfterId);

/// <summary>
/// Starts the employee reviews of one page of a group's participants through the client, so the
/// group's history holds one activity per batch, not one sub-orchestration per employee. Starting
/// a review that already exists is skipped, which makes a retried batch harmless.
/// </summary>
public sealed class StartReviewBatch(ReviewStore store, DurableTaskClient client) : TaskActivity<ReviewBatchRequest, ReviewBatchResult>
{
    private const int StartParallelism = 8;

    public override async Task<ReviewBatchResult> RunAsync(TaskActivityContext context, ReviewBatchRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var page = await store.QueryParticipantsAsync(input.CycleId, new ParticipantFilter(GroupId: input.GroupId), input.AfterId, input.BatchSize, CancellationToken.None);
        await Parallel.ForEachAsync(
            page.Items.Select(i => i.Value),
            new ParallelOptions { MaxDegreeOfParallelism = StartParallelism, CancellationToken = CancellationToken.None },
            async (participant, token) =>
            {
                var instanceId = InstanceIds.Review(participant.CycleId, participant.EmployeeId);

                // Scheduling over an ended instance would replace it (and signal its group twice).
                if (await client.GetInstanceAsync(instanceId, cancellation: token) is not null)
                {
                    return;
                }

                // An instance started by an earlier attempt of this batch is kept.
                await client.StartOnceAsync(
                    nameof(EmployeeReviewOrchestration),
                    instanceId,
                    new ReviewInput(participant.CycleId, participant.EmployeeId, participant.GroupId, participant.SelfAssessmentState, participant.ManagerInputState),
                    token);
            });
        return new ReviewBatchResult(page.Items.Count, page.NextAfterId);
    }
}
