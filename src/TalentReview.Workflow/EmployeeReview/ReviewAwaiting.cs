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
        return review is not null && Awaits(review, step);
    }

    /// <summary>
    /// The running reviews of a cycle that may still wait for <paramref name="step"/>, from one paged query
    /// of the engine (a step's close asks this once, not once per participant).
    /// </summary>
    public static async IAsyncEnumerable<string> EmployeesAwaitingAsync(this DurableTaskClient client, string cycleId, ReviewAwaiting step, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = InstanceIds.ReviewPrefix(cycleId),
            Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended],
            FetchInputsAndOutputs = true,
            PageSize = pageSize,
        };
        await foreach (var review in client.GetAllInstancesAsync(query).ConfigureAwait(false))
        {
            if (Awaits(review, step) && review.ReadInputAs<ReviewInput>() is { } input)
            {
                yield return input.EmployeeId;
            }
        }
    }

    /// <summary>A review that has not ended and waits for <paramref name="step"/>, or has not run yet (no status).</summary>
    private static bool Awaits(OrchestrationMetadata review, ReviewAwaiting step)
        => review.RuntimeStatus is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
            && (review.SerializedCustomStatus is null || review.ReadCustomStatusAs<ReviewAwaiting>() == step);
}
