using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalentReview.Durable.Embedded.History;
using TalentReview.Durable.Embedded.Persistence;
using TalentReview.Durable.Embedded.Replay;
using TalentReview.Durable.Embedded.Time;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// Runs the orchestrations and activities of a <see cref="DurableTaskRegistry"/> on one machine,
/// durably: workers replay instances that have messages in batches and commit each batch in one
/// SQLite transaction; activities run concurrently and their results are committed in batches;
/// durable timers are inbox messages that become visible at their due time on the engine's clock.
/// </summary>
public sealed partial class EmbeddedDurableEngine : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);
    private const int MaxCommitSize = 5_000;

    private readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> _orchestrators;
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> _activities;
    private readonly DataConverter _converter;
    private readonly IServiceProvider _services;
    private readonly EmbeddedEngineOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly EngineStore _store;

    /// <summary>The engine's own database, for tests that make it fail as a full disk would.</summary>
    internal EngineStore Store => _store;
    private readonly HistoryCache _historyCache;
    private readonly ReadyQueue _ready = new();
    private readonly EngineCounters _counters = new();
    private readonly Pulse _progress = new();
    private readonly Pulse _timerWake = new();
    private readonly Lock _timerGate = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _completionSignals = new(StringComparer.Ordinal);
    private readonly Channel<ActivityWorkItem> _activityQueue = Channel.CreateUnbounded<ActivityWorkItem>();
    private readonly Channel<PendingCommit> _commits = Channel.CreateUnbounded<PendingCommit>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private Task? _committer;
    private DateTimeOffset? _nextDue;
    private bool _recomputingNextDue;
    private DateTimeOffset? _dueReportedWhileRecomputing;
    private long _activitiesInFlight;
    private int _state; // 0 created, 1 started, 2 stopped

    public EmbeddedDurableEngine(DurableTaskRegistry registry, IServiceProvider services, EmbeddedEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        // Task names are case-insensitive in Durable Task.
        _orchestrators = registry.GetOrchestrators().ToDictionary(t => t.Key.Name, t => t.Value, StringComparer.OrdinalIgnoreCase);
        _activities = registry.GetActivities().ToDictionary(t => t.Key.Name, t => t.Value, StringComparer.OrdinalIgnoreCase);
        _converter = options.DataConverter ?? EngineJson.DefaultConverter;
        _services = services;
        _options = options;
        _loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<EmbeddedDurableEngine>();
        TimeProvider = options.TimeProvider ?? services.GetService<TimeProvider>() ?? TimeProvider.System;
        _store = new EngineStore(options.DatabasePath);
        _historyCache = new HistoryCache(options.HistoryCacheCapacity);
        Client = new EmbeddedDurableClient(this, _store, _converter);
        _nextDue = _store.NextDueTime();
        if (TimeProvider is VirtualTimeProvider clock)
        {
            clock.Moved += _timerWake.Fire;
        }
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>The client of this engine (also registered as the <see cref="DurableTaskClient"/> singleton by the hosting extension).</summary>
    public DurableTaskClient Client { get; }

    public EngineStatistics Statistics => _counters.Snapshot();

    /// <summary>When the earliest pending durable timer (or delayed start) is due; null if there is none.</summary>
    public DateTimeOffset? NextTimerDueAt
    {
        get
        {
            lock (_timerGate)
            {
                return _nextDue;
            }
        }
    }

    /// <summary>True when nothing can run without time passing or an event arriving.</summary>
    public bool IsIdle => _ready.Busy == 0 && Interlocked.Read(ref _activitiesInFlight) == 0 && !(NextTimerDueAt <= TimeProvider.GetUtcNow());

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The engine has already been started.");
        }

        var (readyInstances, activities) = _store.Recover();
        foreach (var instanceId in readyInstances)
        {
            _ready.Add(instanceId);
        }

        foreach (var activity in activities)
        {
            EnqueueActivity(activity);
        }

        var stopping = _stopping.Token;
        for (var i = 0; i < Math.Max(1, _options.WorkerCount); i++)
        {
            _loops.Add(Task.Run(() => RunWorkerAsync(stopping), CancellationToken.None));
        }

        for (var i = 0; i < Math.Max(1, _options.MaxConcurrentActivities); i++)
        {
            _loops.Add(Task.Run(() => RunActivitiesAsync(stopping), CancellationToken.None));
        }

        _loops.Add(Task.Run(() => RunTimerPumpAsync(stopping), CancellationToken.None));
        _committer = Task.Run(RunCommitterAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking work, lets running steps commit, and records the results of activities that finished.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) != 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
        _commits.Writer.TryComplete();
        if (_committer is not null)
        {
            await _committer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (TimeProvider is VirtualTimeProvider clock)
        {
            clock.Moved -= _timerWake.Fire;
        }

        _store.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Waits until no orchestration step, activity or due timer remains: only future timers and awaited events.</summary>
    public async Task WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var progress = _progress.Next;
            if (IsIdle)
            {
                return;
            }

            await progress.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Drives a <see cref="VirtualTimeProvider"/>: waits until idle, moves the clock to the next
    /// timer, and repeats, until no timer is left, the next one is after <paramref name="until"/>
    /// (the clock then stops at <paramref name="until"/>), or <paramref name="stopWhen"/> says so.
    /// </summary>
    public async Task RunUntilIdleAdvancingTimeAsync(DateTimeOffset? until = null, Func<bool>? stopWhen = null, CancellationToken cancellationToken = default)
    {
        var clock = TimeProvider as VirtualTimeProvider
            ?? throw new InvalidOperationException($"Advancing time needs the engine to run on a {nameof(VirtualTimeProvider)}.");
        while (true)
        {
            await WaitForIdleAsync(cancellationToken).ConfigureAwait(false);
            if (stopWhen?.Invoke() == true)
            {
                return;
            }

            var now = clock.GetUtcNow();
            var next = NextTimerDueAt;
            if (next is null || next > until)
            {
                if (until > now)
                {
                    clock.SetUtcNow(until.Value);
                    continue;
                }

                return;
            }

            if (next > now)
            {
                clock.SetUtcNow(next.Value);
            }
        }
    }

    /// <summary>How many history events the current execution of an instance has.</summary>
    public int GetHistoryLength(string instanceId) => _store.HistoryLength(instanceId);

    internal DateTimeOffset Now => TimeProvider.GetUtcNow();

    internal bool HasEnded(string instanceId) => _store.GetInstance(instanceId) is { IsActive: false };

    /// <summary>Completes at the next change of anything; take it before checking a condition.</summary>
    internal Task ProgressSignal => _progress.Next;

    internal Task CompletionSignal(string instanceId)
        => _completionSignals.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Dispatches what a commit made ready (by a worker, the activity committer or a client call).</summary>
    internal void Dispatch(CommitOutcome outcome)
    {
        foreach (var instanceId in outcome.ReadyInstances)
        {
            _ready.Add(instanceId);
        }

        foreach (var activity in outcome.Activities)
        {
            EnqueueActivity(activity);
        }

        if (outcome.EarliestTimer is { } dueAt)
        {
            ReportTimer(dueAt);
        }

        foreach (var dropped in outcome.DroppedEvents)
        {
            var name = (dropped.Message.Event as EventRaised)?.Name;
            LogEventDropped(_logger, name, dropped.InstanceId);
        }

        _progress.Fire();
    }

    private void EnqueueActivity(ActivityWorkItem activity)
    {
        Interlocked.Increment(ref _activitiesInFlight);
        _activityQueue.Writer.TryWrite(activity);
    }

    private void ReportTimer(DateTimeOffset dueAt)
    {
        lock (_timerGate)
        {
            if (_nextDue is null || dueAt < _nextDue)
            {
                _nextDue = dueAt;
            }

            if (_recomputingNextDue && (_dueReportedWhileRecomputing is null || dueAt < _dueReportedWhileRecomputing))
            {
                _dueReportedWhileRecomputing = dueAt;
            }
        }

        _timerWake.Fire();
    }

    private async Task RunWorkerAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            List<string> batch;
            try
            {
                batch = await _ready.TakeAsync(Math.Max(1, _options.BatchSize), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await ProcessBatchAsync(batch).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failed batch must not kill the worker; its messages stay stored and are retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogBatchFailed(_logger, ex, batch.Count);
                foreach (var instanceId in batch)
                {
                    _historyCache.Invalidate(instanceId);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None).ConfigureAwait(false);
                foreach (var instanceId in batch)
                {
                    _ready.Add(instanceId);
                }
            }
            finally
            {
                _ready.Release(batch);
                _progress.Fire();
            }
        }
    }

    private async Task ProcessBatchAsync(List<string> batch)
    {
        var now = Now;
        var steps = new List<InstanceStep>(batch.Count);
        var afterCommit = new List<Action>(batch.Count);
        foreach (var work in _store.LoadWork(batch, Math.Max(1, _options.MaxMessagesPerEpisode)))
        {
            if (work.Messages.Count > 0 && Decide(work, now, afterCommit) is { } step)
            {
                step.Serialize();
                steps.Add(step);
            }
        }

        if (steps.Count == 0)
        {
            return;
        }

        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _commits.Writer.TryWrite(new(steps, null, committed));
        await committed.Task.ConfigureAwait(false);
        foreach (var action in afterCommit)
        {
            action();
        }
    }

    private InstanceStep? Decide(InstanceWork work, DateTimeOffset now, List<Action> afterCommit)
    {
        var step = new InstanceStep(work.InstanceId);
        if (work.Row is not { IsActive: true } row)
        {
            step.ConsumedMessages.AddRange(work.Messages.Select(m => m.Sequence));
            return step; // ended or purged: its late messages are dropped, as in Durable Task
        }

        var history = _historyCache.Get(row.InstanceId, row.ExecutionId) ?? _store.LoadHistory(row.InstanceId);
        var newEvents = new List<HistoryEvent>(work.Messages.Count + 1) { new OrchestratorStarted { Timestamp = now.UtcDateTime } };
        var started = history.Take(2).OfType<ExecutionStarted>().FirstOrDefault(); // an episode opens with OrchestratorStarted
        ExecutionTerminated? terminated = null;
        var cap = Math.Max(1, _options.MaxMessagesPerEpisode);
        var taken = 0;
        var left = false;
        foreach (var stored in work.Messages)
        {
            var message = stored.Message;
            if (taken == cap && message.Event is not (ExecutionStarted or ExecutionTerminated))
            {
                left = true; // stays in the inbox for the next episode
                continue;
            }

            step.ConsumedMessages.Add(stored.Sequence);
            switch (message.Event)
            {
                case ExecutionTerminated termination:
                    terminated ??= termination;
                    break;
                case ExecutionStarted start when started is null && start.ExecutionId == row.ExecutionId:
                    started = start;
                    newEvents.Insert(1, start);
                    break;
                case ExecutionStarted:
                    break;
                case var other when message.ExecutionId is null || message.ExecutionId == row.ExecutionId:
                    taken++;
                    newEvents.Add(other);
                    break;
            }
        }

        if (terminated is not null)
        {
            return Terminate(step, row, started, history.Count, terminated, now, afterCommit);
        }

        if (started is null)
        {
            return null; // events for an instance whose (delayed) start has not come yet wait for it
        }

        if (left || work.Messages.Count > cap)
        {
            afterCommit.Add(() => _ready.Add(row.InstanceId)); // more messages wait: queued again when this batch is released
        }

        if (newEvents.Count == 1)
        {
            return step; // only results of a replaced execution: nothing to replay
        }

        var result = Replay(row, started, history, newEvents, now);
        step.HistoryBase = history.Count;
        step.NewHistory.AddRange(result.NewHistory);
        var counts = CountEpisode(newEvents, result);
        foreach (var action in result.Actions)
        {
            AddAction(step, row, action, now);
        }

        var length = history.Count + result.NewHistory.Count;
        switch (result.Status)
        {
            case OrchestrationRuntimeStatus.Running:
                step.Update = new(OrchestrationRuntimeStatus.Running, null, null, result.CustomStatusChanged, result.CustomStatus, length);
                break;
#pragma warning disable CS0618 // The engine still marks an episode that continues as new with Durable Task's status of that name.
            case OrchestrationRuntimeStatus.ContinuedAsNew:
#pragma warning restore CS0618
                ContinueAsNew(step, row, started, result, now);
                break;
            default:
                step.Update = new(result.Status, result.Output, result.Failure, result.CustomStatusChanged, result.CustomStatus, length);
                NotifyParent(step, started, result.Status == OrchestrationRuntimeStatus.Completed
                    ? new SubOrchestrationCompleted(started.Parent?.TaskId ?? 0, result.Output)
                    : new SubOrchestrationFailed(started.Parent?.TaskId ?? 0, result.Failure!), now);
                break;
        }

        var ended = result.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed;
        afterCommit.Add(() =>
        {
            counts.ApplyTo(_counters);
            _counters.HistoryWritten(row.InstanceId, result.NewHistory.Count, length);
            if (result.ContinueAsNew is not null)
            {
                _historyCache.Invalidate(row.InstanceId);
            }
            else
            {
                history.AddRange(result.NewHistory);
                _historyCache.Put(row.InstanceId, row.ExecutionId, history);
            }

            if (ended)
            {
                _counters.OrchestrationEnded();
                SignalCompletion(row.InstanceId);
            }
        });
        return step;
    }

    private EpisodeResult Replay(InstanceRow row, ExecutionStarted started, List<HistoryEvent> history, List<HistoryEvent> newEvents, DateTimeOffset now)
    {
        if (!_orchestrators.TryGetValue(started.Name, out var create))
        {
            var failure = new TaskFailureDetails(typeof(InvalidOperationException).FullName!, $"No orchestrator named '{started.Name}' is registered.", null, null, null);
            var failed = new List<HistoryEvent>(newEvents) { new ExecutionCompleted(OrchestrationRuntimeStatus.Failed, null, failure) { Timestamp = now.UtcDateTime } };
            return new(failed, [], OrchestrationRuntimeStatus.Failed, null, failure, false, null, null, []);
        }

        using var scope = _services.CreateScope();
        var orchestrator = create(scope.ServiceProvider);
        return OrchestrationReplayer.Run(orchestrator, row.InstanceId, history, newEvents, now.UtcDateTime, _converter, _loggerFactory);
    }

    private static void AddAction(InstanceStep step, InstanceRow row, ActionEvent action, DateTimeOffset now)
    {
        switch (action)
        {
            case TaskScheduled task:
                step.Activities.Add(new(row.ExecutionId, task.TaskId, task.Name, task.Input));
                break;
            case TimerCreated timer:
                var fired = new TimerFired(timer.TaskId, timer.FireAt) { Timestamp = timer.FireAt };
                step.Messages.Add(new(row.InstanceId, new(fired, row.ExecutionId), new DateTimeOffset(timer.FireAt, TimeSpan.Zero)));
                break;
            case SubOrchestrationCreated child:
                step.ChildStarts.Add(new(child.InstanceId, child.Name, child.Input, new(row.InstanceId, row.ExecutionId, child.TaskId, row.Name)));
                break;
            case EventSent sent:
                step.SentEvents.Add(new(sent.InstanceId, new(new EventRaised(sent.Name, sent.Input) { Timestamp = now.UtcDateTime })));
                break;
        }
    }

    private static void ContinueAsNew(InstanceStep step, InstanceRow row, ExecutionStarted started, EpisodeResult result, DateTimeOffset now)
    {
        var executionId = Guid.NewGuid().ToString("N");
        var input = result.ContinueAsNew!.Input;
        step.ResetHistory = true;
        step.HistoryBase = 0;
        step.NewHistory.Clear();
        step.Update = new(OrchestrationRuntimeStatus.Running, null, null, result.CustomStatusChanged, result.CustomStatus, 0, executionId, input);
        var restart = new ExecutionStarted(started.Name, executionId, input, started.Parent) { Timestamp = now.UtcDateTime };
        step.Messages.Add(new(row.InstanceId, new(restart)));
        foreach (var carried in result.CarryoverEvents)
        {
            step.Messages.Add(new(row.InstanceId, new(carried)));
        }
    }

    private InstanceStep Terminate(InstanceStep step, InstanceRow row, ExecutionStarted? started, int historyLength, ExecutionTerminated terminated, DateTimeOffset now, List<Action> afterCommit)
    {
        step.HistoryBase = historyLength;
        step.NewHistory.Add(terminated with { Timestamp = now.UtcDateTime });
        step.Update = new(OrchestrationRuntimeStatus.Terminated, terminated.Output, null, false, null, historyLength + 1);
        if (started is not null)
        {
            var failure = new TaskFailureDetails("TaskTerminated", $"Instance '{row.InstanceId}' was terminated.", null, null, null);
            NotifyParent(step, started, new SubOrchestrationFailed(started.Parent?.TaskId ?? 0, failure), now);
        }

        afterCommit.Add(() =>
        {
            _historyCache.Invalidate(row.InstanceId);
            _counters.OrchestrationEnded();
            SignalCompletion(row.InstanceId);
        });
        return step;
    }

    private static void NotifyParent(InstanceStep step, ExecutionStarted started, TaskResultEvent result, DateTimeOffset now)
    {
        if (started.Parent is { } parent)
        {
            step.Messages.Add(new(parent.InstanceId, new(result with { Timestamp = now.UtcDateTime }, parent.ExecutionId)));
        }
    }

    private void SignalCompletion(string instanceId)
    {
        if (_completionSignals.TryRemove(instanceId, out var signal))
        {
            signal.TrySetResult();
        }
    }

    private static EpisodeCounts CountEpisode(List<HistoryEvent> newEvents, EpisodeResult result)
    {
        var counts = new EpisodeCounts();
        foreach (var received in newEvents)
        {
            switch (received)
            {
                case ExecutionStarted: counts.Started++; break;
                case EventRaised: counts.EventsReceived++; break;
                case TimerFired: counts.TimersFired++; break;
            }
        }

        foreach (var action in result.Actions)
        {
            switch (action)
            {
                case TaskScheduled: counts.Activities++; break;
                case TimerCreated: counts.Timers++; break;
                case SubOrchestrationCreated: counts.SubOrchestrations++; break;
                case EventSent: counts.EventsSent++; break;
            }
        }

        return counts;
    }

    private async Task RunTimerPumpAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var wake = _timerWake.Next;
            var now = Now;
            var due = NextTimerDueAt;
            if (due <= now)
            {
                try
                {
                    ReleaseDueTimers(now);
                }
#pragma warning disable CA1031 // The pump must survive a failed read; the timers stay stored and are retried.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogTimerPumpFailed(_logger, ex);
                    await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None).ConfigureAwait(false);
                }

                continue;
            }

            using var waitEnd = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var waits = new List<Task> { wake };
            if (due is { } dueAt)
            {
                var delay = dueAt - now;
                waits.Add(Task.Delay(delay < LongestWait ? delay : LongestWait, TimeProvider, waitEnd.Token));
            }

            waits.Add(Task.Delay(Timeout.InfiniteTimeSpan, waitEnd.Token)); // ends the wait on stop; released with waitEnd
            await Task.WhenAny(waits).ConfigureAwait(false);
            await waitEnd.CancelAsync().ConfigureAwait(false);
        }
    }

    private void ReleaseDueTimers(DateTimeOffset now)
    {
        // Queue the instances first: between the two, the engine must not look idle with fired timers unprocessed.
        foreach (var instanceId in _store.ReleaseDueMessages(now))
        {
            _ready.Add(instanceId);
        }

        lock (_timerGate)
        {
            _recomputingNextDue = true;
            _dueReportedWhileRecomputing = null;
        }

        var next = _store.NextDueTime();
        lock (_timerGate)
        {
            _nextDue = next is null || (_dueReportedWhileRecomputing is { } reported && reported < next) ? _dueReportedWhileRecomputing : next;
            _recomputingNextDue = false;
        }

        _progress.Fire();
    }

    private async Task RunActivitiesAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var item in _activityQueue.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                if (await RunActivityAsync(item, stopping).ConfigureAwait(false) is { } result)
                {
                    var outcome = new ActivityOutcome(item, result);
                    _ = outcome.Message.Body; // serialized here, in parallel, rather than on the committer
                    _commits.Writer.TryWrite(new(null, outcome, null));
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: activities not run stay stored and run after the next start.
        }
    }

    private async Task<HistoryEvent?> RunActivityAsync(ActivityWorkItem item, CancellationToken stopping)
    {
        var request = item.Request;
        if (!_activities.TryGetValue(request.Name, out var create))
        {
            var failure = new TaskFailureDetails(typeof(InvalidOperationException).FullName!, $"No activity named '{request.Name}' is registered.", null, null, null);
            return new TaskFailed(request.TaskId, failure) { Timestamp = Now.UtcDateTime };
        }

        try
        {
            var scope = _services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var activity = create(scope.ServiceProvider);
                var input = _converter.Deserialize(request.Input, activity.InputType);
                var output = await activity.RunAsync(new EmbeddedActivityContext(request.Name, item.InstanceId), input).ConfigureAwait(false);
                return new TaskCompleted(request.TaskId, _converter.Serialize(output)) { Timestamp = Now.UtcDateTime };
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _activitiesInFlight);
            return null; // interrupted by shutdown: it stays stored and runs again after the next start
        }
#pragma warning disable CA1031 // Whatever an activity throws becomes its failure, delivered to the orchestration.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new TaskFailed(request.TaskId, TaskFailureDetails.FromException(ex)) { Timestamp = Now.UtcDateTime };
        }
    }

    /// <summary>
    /// Group commit: everything workers and activities finished since the last commit goes into
    /// one transaction, so the per-transaction cost of SQLite is shared by many steps.
    /// </summary>
    private async Task RunCommitterAsync()
    {
        var reader = _commits.Reader;
        var steps = new List<InstanceStep>();
        var results = new List<ActivityOutcome>();
        var waiting = new List<TaskCompletionSource>();
        var commitFailures = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            steps.Clear();
            results.Clear();
            waiting.Clear();
            while (steps.Count + results.Count < MaxCommitSize && reader.TryRead(out var pending))
            {
                if (pending.Steps is not null)
                {
                    steps.AddRange(pending.Steps);
                }

                if (pending.Result is not null)
                {
                    results.Add(pending.Result);
                }

                if (pending.Committed is not null)
                {
                    waiting.Add(pending.Committed);
                }
            }

            var committed = false;
            try
            {
                var outcome = _store.Commit(steps, results, Now);
                committed = true;
                var failed = results.Count(r => r.Result is TaskFailed);
                _counters.ActivityFailed(failed);
                _counters.ActivityCompleted(results.Count - failed);
                Dispatch(outcome);
                waiting.ForEach(w => w.TrySetResult());
                commitFailures = 0;
            }
#pragma warning disable CA1031 // A failed commit (a full disk) loses nothing: steps are retried by their workers, activity results are committed again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                waiting.ForEach(w => w.TrySetException(ex));
                if (results.Count > 0)
                {
                    LogResultsFailed(_logger, ex, results.Count);
                }
            }
            finally
            {
                if (committed || results.Count == 0)
                {
                    Interlocked.Add(ref _activitiesInFlight, -results.Count);
                }

                _progress.Fire();
            }

            if (!committed && results.Count > 0)
            {
                // The results stay in flight (the engine is not idle) and go to the next commit, after a pause
                // that grows while the disk stays full, so the host recovers by itself when space returns.
                await Task.Delay(CommitRetryPause(++commitFailures), CancellationToken.None).ConfigureAwait(false);
                foreach (var result in results)
                {
                    _commits.Writer.TryWrite(new(null, result, null));
                }
            }
        }
    }

    /// <summary>200 ms, doubling up to 5 s (real time: a full disk is not virtual).</summary>
    private static TimeSpan CommitRetryPause(int failures) => TimeSpan.FromMilliseconds(Math.Min(5_000, 200 * Math.Pow(2, Math.Min(failures - 1, 5))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped event '{EventName}' sent to unknown instance '{InstanceId}'.")]
    private static partial void LogEventDropped(ILogger logger, string? eventName, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} orchestration steps failed; it will be retried.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Releasing due timers failed; retrying.")]
    private static partial void LogTimerPumpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Count} activity results failed; they are recorded again in a moment.")]
    private static partial void LogResultsFailed(ILogger logger, Exception exception, int count);

    private sealed record PendingCommit(List<InstanceStep>? Steps, ActivityOutcome? Result, TaskCompletionSource? Committed);

    private struct EpisodeCounts
    {
        public int Started;
        public int EventsReceived;
        public int TimersFired;
        public int Activities;
        public int Timers;
        public int SubOrchestrations;
        public int EventsSent;

        public readonly void ApplyTo(EngineCounters counters)
        {
            counters.Episode();
            counters.OrchestrationStarted(Started);
            counters.ExternalEventReceived(EventsReceived);
            counters.TimerFired(TimersFired);
            counters.ActivityScheduled(Activities);
            counters.TimerCreated(Timers);
            counters.SubOrchestrationScheduled(SubOrchestrations);
            counters.EventSent(EventsSent);
        }
    }
}
