using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using TalentReview.Workflow.Events;

namespace TalentReview.Workflow.Resilience;

/// <summary>
/// Runs an orchestration's steps so that no failure ends it in silence: a transient failure waits on a
/// durable timer and tries again (<see cref="Recovery"/>); anything else stalls the step, recorded on the
/// cycle with the step, the reason and since when (and the group, for a group's step), and logged, until HR
/// asks to retry (<see cref="WorkflowEvents.RetryRequested"/>); then the step runs again. When
/// <paramref name="cancelled"/> completes while a step waits, the step is given up with
/// <see cref="StepAbandonedException"/>, so a stalled cycle can still be cancelled.
/// </summary>
public sealed partial class StepRecovery(TaskOrchestrationContext context, StallSite site, Task? cancelled = null)
{
    public StepRecovery(TaskOrchestrationContext context, string cycleId, Task? cancelled = null)
        : this(context, new StallSite(cycleId), cancelled)
    {
    }

    /// <summary>Calls <paramref name="activity"/> as a step of its own name.</summary>
    public Task<T> CallAsync<T>(TaskName activity, object? input)
        => RunAsync(activity.Name, _ => context.CallActivityAsync<T>(activity, input, Recovery.ActivityRetry));

    /// <summary>Runs <paramref name="attempt"/> (given how many times the step was retried after a stall) until it succeeds.</summary>
    public async Task<T> RunAsync<T>(string step, Func<int, Task<T>> attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var logger = context.CreateReplaySafeLogger<StepRecovery>();
        // Ids only: the logs never name a person.
        var where = site.GroupId is null ? site.CycleId
            : site.EmployeeId is { } employeeId ? $"{site.CycleId}/{site.GroupId} review {employeeId}"
            : $"{site.CycleId}/{site.GroupId}{(site.FollowUps ? " follow-ups" : string.Empty)}";
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
                LogWaiting(logger, where, step, wait, ActivityFailures.ReasonOf(failure.FailureDetails));
                using var cancelTimer = new CancellationTokenSource();
                await GiveUpIfCancelledAsync(context.CreateTimer(wait, cancelTimer.Token), cancelTimer, step);
                continue;
            }

            var stall = new CycleStall(step, ActivityFailures.ReasonOf(failure.FailureDetails), new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero));
            LogStalled(logger, where, step, stall.Reason);
            await context.CallUntilDoneAsync<bool>(nameof(RecordStall), new StallReport(site.CycleId, stall, site.GroupId, site.FollowUps, site.EmployeeId));
            using var cancelWait = new CancellationTokenSource();
            var retry = context.WaitForExternalEvent<RetryRequestedEvent>(WorkflowEvents.RetryRequested, cancelWait.Token);
            try
            {
                await GiveUpIfCancelledAsync(retry, cancelWait, step);
            }
            finally
            {
                // Stalled no more: retried, or given up for a cancel (which tells people itself).
                await context.CallUntilDoneAsync<bool>(nameof(RecordStall), new StallReport(site.CycleId, null, site.GroupId, site.FollowUps, site.EmployeeId));
            }

            LogRetrying(logger, where, step, (await retry).RequestedBy);
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

    /// <summary>Waits for <paramref name="wait"/>, or throws <see cref="StepAbandonedException"/> (cancelling the wait) when the cancel comes first.</summary>
    private async Task GiveUpIfCancelledAsync(Task wait, CancellationTokenSource cancelWait, string step)
    {
        if (cancelled is null || await Task.WhenAny(wait, cancelled) == wait)
        {
            await wait;
            return;
        }

        // Synchronously: CancelAsync runs callbacks on the thread pool, and an orchestration may only await durable tasks.
        cancelWait.Cancel();
        throw new StepAbandonedException($"Step {step} was given up: the cycle is cancelled.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {Where}, step {Step}: cannot go on for now ({Reason}); trying again in {Wait}")]
    private static partial void LogWaiting(ILogger logger, string where, string step, TimeSpan wait, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cycle {Where} stalled at step {Step}: {Reason}. It waits for HR to retry once the cause is fixed")]
    private static partial void LogStalled(ILogger logger, string where, string step, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {Where}: HR user {RequestedBy} asked to retry step {Step}")]
    private static partial void LogRetrying(ILogger logger, string where, string step, string requestedBy);
}

/// <summary>A step given up while it waited (to retry, or after a stall) because the cycle was cancelled meanwhile.</summary>
public sealed class StepAbandonedException : Exception
{
    public StepAbandonedException()
    {
    }

    public StepAbandonedException(string message)
        : base(message)
    {
    }

    public StepAbandonedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
