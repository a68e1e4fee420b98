using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using TalentReview.Workflow.Events;

namespace TalentReview.Workflow.Resilience;

/// <summary>
/// Runs a cycle's steps so that no failure ends the cycle in silence: a transient failure waits on a
/// durable timer and tries again (<see cref="Recovery"/>); anything else stalls the cycle, recorded
/// on the cycle with the step, the reason and since when, and logged, until HR asks to retry
/// (<see cref="WorkflowEvents.RetryRequested"/>); then the step runs again.
/// </summary>
public sealed partial class StepRecovery(TaskOrchestrationContext context, string cycleId)
{
    /// <summary>Runs <paramref name="attempt"/> (given how many times the step was retried after a stall) until it succeeds.</summary>
    public async Task<T> RunAsync<T>(string step, Func<int, Task<T>> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var logger = context.CreateReplaySafeLogger<StepRecovery>();
        var waits = 0;
        for (var retries = 0; ; )
        {
            TaskFailedException failure;
            try
            {
                return await attempt(retries);
            }
            catch (TaskFailedException caught)
            {
                failure = caught;
            }

            if (ActivityFailures.IsTransient(failure.FailureDetails))
            {
                var wait = Recovery.WaitBefore(waits++);
                LogWaiting(logger, cycleId, step, wait, ActivityFailures.ReasonOf(failure.FailureDetails));
                await context.CreateTimer(wait, CancellationToken.None);
                continue;
            }

            var stall = new CycleStall(step, ActivityFailures.ReasonOf(failure.FailureDetails), new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero));
            LogStalled(logger, cycleId, step, stall.Reason);
            await context.CallUntilDoneAsync<bool>(nameof(RecordStall), new StallReport(cycleId, stall));
            var retry = await context.WaitForExternalEvent<RetryRequestedEvent>(WorkflowEvents.RetryRequested);
            LogRetrying(logger, cycleId, step, retry.RequestedBy);
            await context.CallUntilDoneAsync<bool>(nameof(RecordStall), new StallReport(cycleId, null));
            (waits, retries) = (0, retries + 1);
        }
    }

    /// <summary>A step without a result.</summary>
    public Task RunAsync(string step, Func<int, Task> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return RunAsync(step, async retries =>
        {
            await attempt(retries);
            return true;
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId}, step {Step}: cannot go on for now ({Reason}); trying again in {Wait}")]
    private static partial void LogWaiting(ILogger logger, string cycleId, string step, TimeSpan wait, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cycle {CycleId} stalled at step {Step}: {Reason}. It waits for HR to retry once the cause is fixed")]
    private static partial void LogStalled(ILogger logger, string cycleId, string step, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId}: HR user {RequestedBy} asked to retry step {Step}")]
    private static partial void LogRetrying(ILogger logger, string cycleId, string step, string requestedBy);
}
