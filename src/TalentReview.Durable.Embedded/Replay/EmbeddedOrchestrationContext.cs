using System.Security.Cryptography;
using System.Text;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using TalentReview.Durable.Embedded.History;

namespace TalentReview.Durable.Embedded.Replay;

/// <summary>
/// The orchestration context of one replay. Every call the code makes becomes an action with a
/// sequential id; replay matches those actions against the recorded history, and completions
/// from history resolve the tasks the code awaits.
/// </summary>
internal sealed class EmbeddedOrchestrationContext(
    string name, string instanceId, ParentOrchestrationInstance? parent, string? serializedInput, DataConverter converter, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    private readonly Dictionary<int, OpenTask> _openTasks = [];
    // Unordered (matching removes one per recorded action, often thousands in a replay); sorted only when the new ones are read.
    private readonly Dictionary<int, ActionEvent> _unmatchedActions = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventRaised> _bufferedEvents = [];
    private int _nextTaskId;
    private int _guidCounter;

    public override TaskName Name => name;

    public override string InstanceId => instanceId;

    public override ParentOrchestrationInstance? Parent => parent;

    public override bool IsReplaying => ReplayingFlag;

    public bool ReplayingFlag { get; set; }

    public override DateTime CurrentUtcDateTime => CurrentTime;

    public DateTime CurrentTime { get; set; }

    public bool CustomStatusChanged { get; private set; }

    public string? SerializedCustomStatus { get; private set; }

    public ContinueAsNewRequest? ContinueAsNewRequested { get; private set; }

    /// <summary>Actions the code took that history has not recorded yet: the new work of this episode.</summary>
    public IEnumerable<ActionEvent> NewActions => _unmatchedActions.Values.OrderBy(a => a.TaskId);

    /// <summary>Events received but not awaited yet, in arrival order.</summary>
    public IReadOnlyList<EventRaised> BufferedEvents => _bufferedEvents;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T? GetInput<T>() where T : default => converter.Deserialize<T>(serializedInput);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name.Name);
        var serialized = converter.Serialize(input);
        return RetryPolicyOf(options) is { } retry
            ? WithRetriesAsync(() => CallActivityOnceAsync<TResult>(name.Name, serialized), retry)
            : CallActivityOnceAsync<TResult>(name.Name, serialized);
    }

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name);
        var serialized = converter.Serialize(input);
        var childId = (options as SubOrchestrationOptions)?.InstanceId ?? NewGuid().ToString("N");
        return RetryPolicyOf(options) is { } retry
            ? WithRetriesAsync(() => CallSubOrchestratorOnceAsync<TResult>(orchestratorName.Name, childId, serialized), retry)
            : CallSubOrchestratorOnceAsync<TResult>(orchestratorName.Name, childId, serialized);
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var buffered = _bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (buffered >= 0)
        {
            var input = _bufferedEvents[buffered].Input;
            _bufferedEvents.RemoveAt(buffered);
            return Task.FromResult(converter.Deserialize<T>(input)!);
        }

        var waiter = new TaskCompletionSource<string?>();
        if (!_eventWaiters.TryGetValue(eventName, out var waiters))
        {
            waiters = new();
            _eventWaiters[eventName] = waiters;
        }

        var node = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }

                waiter.TrySetCanceled(cancellationToken);
            });
        }

        return DeserializeAsync<T>(waiter.Task);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var utc = fireAt.Kind switch
        {
            DateTimeKind.Local => fireAt.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(fireAt, DateTimeKind.Utc),
            _ => fireAt,
        };
        var completion = Schedule<object?>(new TimerCreated(_nextTaskId, utc), "timer").Completion;
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        }

        return completion.Task;
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var action = new EventSent(_nextTaskId++, instanceId, eventName, converter.Serialize(payload));
        _unmatchedActions.Add(action.TaskId, action);
    }

    public override void SetCustomStatus(object? customStatus)
    {
        SerializedCustomStatus = converter.Serialize(customStatus);
        CustomStatusChanged = true;
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
        => ContinueAsNewRequested = new(converter.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        // A name-based (version 5 style) guid from values that are the same on every replay.
        var source = $"{InstanceId}_{CurrentUtcDateTime:o}_{_guidCounter++}";
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 only derives a deterministic guid, as in Durable Task; no security purpose.
        SHA1.HashData(Encoding.UTF8.GetBytes(source), hash);
#pragma warning restore CA5350
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>History recorded an action: the code must have taken the same action with the same id.</summary>
    public void MatchRecordedAction(ActionEvent recorded)
    {
        if (!_unmatchedActions.Remove(recorded.TaskId, out var taken))
        {
            throw new NonDeterministicOrchestrationException(
                $"History of '{InstanceId}' records {Describe(recorded)} as action #{recorded.TaskId}, but the orchestration code no longer takes that action.");
        }

        if (!SameAction(taken, recorded))
        {
            throw new NonDeterministicOrchestrationException(
                $"History of '{InstanceId}' records {Describe(recorded)} as action #{recorded.TaskId}, but the orchestration code now takes {Describe(taken)} there.");
        }
    }

    /// <summary>Completes the task a result event belongs to; results for unknown or finished tasks are ignored.</summary>
    public void Complete(TaskResultEvent result)
    {
        if (!_openTasks.Remove(result.TaskScheduledId, out var open))
        {
            return;
        }

        switch (result)
        {
            case TaskCompleted done:
                open.Succeed(done.Result, converter);
                break;
            case SubOrchestrationCompleted done:
                open.Succeed(done.Result, converter);
                break;
            case TimerFired:
                open.Succeed(null, converter);
                break;
            case TaskFailed failed:
                open.Fail(new TaskFailedException(open.Name, result.TaskScheduledId, failed.Failure));
                break;
            case SubOrchestrationFailed failed:
                open.Fail(new TaskFailedException(open.Name, result.TaskScheduledId, failed.Failure));
                break;
        }
    }

    public void Receive(EventRaised raised)
    {
        if (_eventWaiters.TryGetValue(raised.Name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.TrySetResult(raised.Input);
        }
        else
        {
            _bufferedEvents.Add(raised);
        }
    }

    private static bool SameAction(ActionEvent taken, ActionEvent recorded) => (taken, recorded) switch
    {
        (TaskScheduled a, TaskScheduled b) => a.Name == b.Name,
        (SubOrchestrationCreated a, SubOrchestrationCreated b) => a.Name == b.Name && a.InstanceId == b.InstanceId,
        (TimerCreated, TimerCreated) => true,
        (EventSent a, EventSent b) => a.InstanceId == b.InstanceId && a.Name == b.Name,
        _ => false,
    };

    private static string Describe(ActionEvent action) => action switch
    {
        TaskScheduled a => $"a call of activity '{a.Name}'",
        SubOrchestrationCreated s => $"a call of sub-orchestration '{s.Name}' ('{s.InstanceId}')",
        TimerCreated t => $"a timer (due {t.FireAt:o})",
        EventSent e => $"sending event '{e.Name}' to '{e.InstanceId}'",
        _ => action.GetType().Name,
    };

    private async Task<T> DeserializeAsync<T>(Task<string?> raw)
        => converter.Deserialize<T>(await raw.ConfigureAwait(true))!;

    private static RetryPolicy? RetryPolicyOf(TaskOptions? options) => options?.Retry switch
    {
        null => null,
        { Policy: { } policy } => policy,
        _ => throw new NotSupportedException("The embedded engine retries by RetryPolicy only; retry handlers are not supported."),
    };

    // As Durable Task: the n-th retry waits FirstRetryInterval * BackoffCoefficient^(n-1), capped, within RetryTimeout.
    private async Task<TResult> WithRetriesAsync<TResult>(Func<Task<TResult>> call, RetryPolicy retry)
    {
        var firstAttempt = CurrentUtcDateTime;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(true);
            }
            catch (TaskFailedException) when (attempt < retry.MaxNumberOfAttempts)
            {
                var delay = DelayBeforeRetry(retry, attempt);
                if (retry.RetryTimeout != Timeout.InfiniteTimeSpan && CurrentUtcDateTime.Add(delay) > firstAttempt.Add(retry.RetryTimeout))
                {
                    throw;
                }

                await CreateTimer(CurrentUtcDateTime.Add(delay), CancellationToken.None).ConfigureAwait(true);
            }
        }
    }

    private static TimeSpan DelayBeforeRetry(RetryPolicy retry, int attempt)
    {
        var ticks = retry.FirstRetryInterval.Ticks * Math.Pow(retry.BackoffCoefficient, attempt - 1);
        return ticks >= retry.MaxRetryInterval.Ticks ? retry.MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }

    private Task<TResult> CallActivityOnceAsync<TResult>(string activityName, string? input)
        => Schedule<TResult>(new TaskScheduled(_nextTaskId, activityName, input), activityName).Completion.Task;

    private Task<TResult> CallSubOrchestratorOnceAsync<TResult>(string orchestratorName, string childId, string? input)
        => Schedule<TResult>(new SubOrchestrationCreated(_nextTaskId, orchestratorName, childId, input), orchestratorName).Completion.Task;

    private OpenTask<T> Schedule<T>(ActionEvent action, string taskName)
    {
        _nextTaskId++;
        _unmatchedActions.Add(action.TaskId, action);
        var open = new OpenTask<T>(taskName);
        _openTasks.Add(action.TaskId, open);
        return open;
    }

    /// <summary>A task the code awaits until history completes it.</summary>
    private abstract class OpenTask(string name)
    {
        public string Name { get; } = name;

        public abstract void Succeed(string? serializedResult, DataConverter converter);

        public abstract void Fail(Exception failure);
    }

    /// <summary>Completed with the result already read as the code's type: one task per call, as replay creates thousands.</summary>
    private sealed class OpenTask<T>(string name) : OpenTask(name)
    {
        public TaskCompletionSource<T> Completion { get; } = new();

        public override void Succeed(string? serializedResult, DataConverter converter)
        {
            T result;
            try
            {
                result = converter.Deserialize<T>(serializedResult)!;
            }
#pragma warning disable CA1031 // A result that does not read as the awaited type faults the awaited task, as it would in the code.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Completion.TrySetException(ex);
                return;
            }

            Completion.TrySetResult(result);
        }

        public override void Fail(Exception failure) => Completion.TrySetException(failure);
    }
}

internal sealed record ContinueAsNewRequest(string? Input, bool PreserveUnprocessedEvents);
