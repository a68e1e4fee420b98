using Microsoft.DurableTask;

namespace TalentReview.Workflow.Resilience;

/// <summary>
/// How orchestrations get through failures that pass by themselves: the activity's own retries
/// (minutes, in the engine), then a durable timer that waits longer each time up to
/// <see cref="MaxWait"/> and tries again, for as long as it takes. Anything else is thrown on.
/// </summary>
public static class Recovery
{
    /// <summary>The longest wait between two tries once the activity's retries are spent.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    /// <summary>Retries transient failures only: a bug fails the first time, with its reason, instead of five times.</summary>
    public static TaskOptions ActivityRetry { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(5, TimeSpan.FromSeconds(10), 2, TimeSpan.FromMinutes(5)) { HandleFailure = ActivityFailures.IsTransient });

    /// <summary>Calls the activity until it succeeds or fails with something that does not pass by itself.</summary>
    public static async Task<T> CallUntilDoneAsync<T>(this TaskOrchestrationContext context, TaskName activity, object? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var waits = 0; ; waits++)
        {
            try
            {
                return await context.CallActivityAsync<T>(activity, input, ActivityRetry);
            }
            catch (TaskFailedException failure) when (ActivityFailures.IsTransient(failure.FailureDetails))
            {
                await context.CreateTimer(WaitBefore(waits), CancellationToken.None);
            }
        }
    }

    /// <summary>1, 2, 4, 8 minutes, then <see cref="MaxWait"/>: a 30-minute outage costs the cycle at most one wait more.</summary>
    public static TimeSpan WaitBefore(int waits) => TimeSpan.FromMinutes(Math.Min(MaxWait.TotalMinutes, Math.Pow(2, Math.Min(waits, 10))));
}
