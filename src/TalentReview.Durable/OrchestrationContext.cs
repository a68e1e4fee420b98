using Microsoft.Extensions.Logging;

namespace TalentReview.Durable;

/// <summary>
/// The orchestration's only window on the world, mirroring Microsoft.DurableTask's
/// <c>TaskOrchestrationContext</c> member for member, so that the Azure adapter is a thin mapping.
/// Every task it returns is durable: on replay it completes from history, not from new work.
/// </summary>
public abstract class OrchestrationContext
{
    /// <summary>The orchestration's name.</summary>
    public abstract string Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>True while the orchestration re-runs from history; side effects must not repeat then.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>The deterministic current time: the time of the event being processed.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    public abstract T? GetInput<T>();

    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null)
        => CallActivityAsync<Unit>(name, input, options);

    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null);

    public Task CallSubOrchestratorAsync(string orchestratorName, object? input = null, TaskOptions? options = null)
        => CallSubOrchestratorAsync<Unit>(orchestratorName, input, options);

    /// <summary>Waits for an event; events raised before the wait are buffered and delivered in order.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an event at most <paramref name="timeout"/>; throws <see cref="TaskCanceledException"/> when it elapses.</summary>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout)
    {
        using var timerCts = new CancellationTokenSource();
        using var eventCts = new CancellationTokenSource();
        var timer = CreateTimer(timeout, timerCts.Token);
        var externalEvent = WaitForExternalEvent<T>(eventName, eventCts.Token);
        var winner = await Task.WhenAny(externalEvent, timer).ConfigureAwait(true);

        // Cancel synchronously: CancelAsync would run the callbacks on the thread pool, outside the
        // orchestration's single-threaded replay, which makes the replay nondeterministic.
#pragma warning disable CA1849
        if (winner == externalEvent)
        {
            timerCts.Cancel();
            return await externalEvent.ConfigureAwait(true);
        }

        eventCts.Cancel();
#pragma warning restore CA1849
        throw new TaskCanceledException($"Timed out after {timeout} waiting for external event '{eventName}'.");
    }

    /// <summary>A durable timer; cancelling it lets the orchestration complete without waiting for it.</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken)
        => CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>Sends an event to another orchestration instance (one-way, durable).</summary>
    public abstract void SendEvent(string instanceId, string eventName, object? eventData);

    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Restarts the orchestration with new input and an empty history.</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A deterministic guid: the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>A logger that writes only when the orchestration is not replaying.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);
}
