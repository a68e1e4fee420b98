using Microsoft.DurableTask.Client;

namespace TalentReview.Workflow.EmployeeReview;

/// <summary>
/// The step a running review waits for, kept as its custom status. Whoever wonders whether a committed
/// submission's event reached the review (a repeated submission, the step's close) asks the engine,
/// instead of the store keeping a mark whose clearing would cost a write for every event delivered.
/// </summary>
public enum ReviewAwaiting
{
    SelfAssessment,
    ManagerInput,
}

public static class ReviewAwaitingQueries
{
    /// <summary>
    /// True unless the review is known to be past <paramref name="step"/>: it has ended, or it waits for
    /// another step. A review not started yet reads the step's state when it starts (false); one created
    /// but not run yet has no status and may have read the state before the submission (true).
    /// </summary>
    public static async Task<bool> ReviewAwaitsAsync(this DurableTaskClient client, string cycleId, string employeeId, ReviewAwaiting step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var review = await client.GetInstanceAsync(InstanceIds.Review(cycleId, employeeId), getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (review is null || review.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            return false;
        }

        return review.SerializedCustomStatus is null || review.ReadCustomStatusAs<ReviewAwaiting>() == step;
    }
}
