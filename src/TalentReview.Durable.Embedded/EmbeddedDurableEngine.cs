using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalentReview.Durable.Embedded.History;
using TalentReview.Durable.Embedded.Persistence;
using TalentReview.Durable.Embedded.Time;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// Runs the orchestrations and activities of a <see cref="DurableTaskRegistry"/> on one machine,
/// durably. This type wires the parts and drives their lifetime: <see cref="OrchestrationWorkers"/>
/// replay ready instances in batches (<see cref="EpisodePlanner"/> decides each episode),
/// <see cref="ActivityRunner"/> runs activity calls concurrently, <see cref="DurableTimerPump"/> makes
/// timers visible at their due time on the engine's clock, and <see cref="GroupCommitter"/> commits all
/// their writes and the clients' in shared SQLite transactions, then dispatches what became ready.
/// </summary>
public sealed partial class EmbeddedDurableEngine : IHostedService, IAsyncDisposable
{
    private readonly EmbeddedEngineOptions _options;
    private readonly ILogger _logger;
    private readonly EngineStore _store;
    private readonly ReadyQueue _ready = new();
    private readonly EngineCounters _counters = new();
    private readonly Pulse _progress = new();
    private readonly CompletionSignals _completions = new();
    private readonly GroupCommitter _committer;
    private readonly ActivityRunner _activities;
    private readonly DurableTimerPump _timers;
    private readonly OrchestrationWorkers _workers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private int _state; // 0 created, 1 started, 2 stopped

    public EmbeddedDurableEngine(DurableTaskRegistry registry, IServiceProvider services, EmbeddedEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        var converter = options.DataConverter ?? EngineJson.DefaultConverter;
        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var limits = EpisodeLimits.From(options);
        var histories = new HistoryCache(options.HistoryCacheCapacity);
        _options = options;
        _logger = loggerFactory.CreateLogger<EmbeddedDurableEngine>();
        TimeProvider = options.TimeProvider ?? services.GetService<TimeProvider>() ?? TimeProvider.System;
        _store = new EngineStore(options.DatabasePath);
        _committer = new GroupCommitter(_store, () => Now, _logger);
        _committer.Committed += OnCommitted;
        _committer.Attempted += _progress.Fire;
        _activities = new ActivityRunner(registry, services, converter, _committer, () => Now);
        _timers = new DurableTimerPump(_store, _ready, _progress, TimeProvider, _logger);
        var planner = new EpisodePlanner(registry, services, converter, loggerFactory, _store, histories, _ready, _counters, _completions, limits);
        _workers = new OrchestrationWorkers(_store, _ready, planner, _committer, histories, _progress, () => Now, Math.Max(1, options.BatchSize), limits, _logger);
        Client = new EmbeddedDurableClient(this, _store, converter);
        if (TimeProvider is VirtualTimeProvider clock)
        {
            clock.Moved += _timers.Wake;
        }
    }

    public TimeProvider TimeProvider { get; }

    /// <summary>The client of this engine (also registered as the <see cref="DurableTaskClient"/> singleton by the hosting extension).</summary>
    public DurableTaskClient Client { get; }

    public EngineStatistics Statistics => _counters.Snapshot();

    /// <summary>When the earliest pending durable timer (or delayed start) is due; null if there is none.</summary>
    public DateTimeOffset? NextTimerDueAt => _timers.NextDueAt;

    /// <summary>True when nothing can run without time passing or an event arriving.</summary>
    public bool IsIdle => _ready.Busy == 0 && !_activities.HasWorkInFlight && !_committer.HasClientWritesWaiting && !(NextTimerDueAt <= TimeProvider.GetUtcNow());

    /// <summary>The engine's own database, for tests that make it fail as a full disk would.</summary>
    internal EngineStore Store => _store;

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
            _activities.Enqueue(activity);
        }

        var stopping = _stopping.Token;
        for (var i = 0; i < Math.Max(1, _options.WorkerCount); i++)
        {
            _loops.Add(Task.Run(() => _workers.RunAsync(stopping), CancellationToken.None));
        }

        for (var i = 0; i < Math.Max(1, _options.MaxConcurrentActivities); i++)
        {
            _loops.Add(Task.Run(() => _activities.RunAsync(stopping), CancellationToken.None));
        }

        _loops.Add(Task.Run(() => _timers.RunAsync(stopping), CancellationToken.None));
        _committer.Start();
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
        await _committer.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (TimeProvider is VirtualTimeProvider clock)
        {
            clock.Moved -= _timers.Wake;
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

    internal Task CompletionSignal(string instanceId) => _completions.For(instanceId);

    /// <summary>Commits a client's write with the engine's own (group commit); completes once it is durable.</summary>
    internal Task CommitAsync(ClientWrite write) => _committer.CommitAsync(write);

    /// <summary>Dispatches what a commit made ready: instances to the workers, activity calls to the runners, timers to the pump.</summary>
    private void OnCommitted(CommitOutcome outcome, IReadOnlyList<ActivityOutcome> results)
    {
        var failed = results.Count(r => r.Result is TaskFailed);
        _counters.ActivityFailed(failed);
        _counters.ActivityCompleted(results.Count - failed);
        foreach (var instanceId in outcome.ReadyInstances)
        {
            _ready.Add(instanceId);
        }

        foreach (var activity in outcome.Activities)
        {
            _activities.Enqueue(activity);
        }

        if (outcome.EarliestTimer is { } dueAt)
        {
            _timers.Report(dueAt);
        }

        foreach (var dropped in outcome.DroppedEvents)
        {
            var name = (dropped.Message.Event as EventRaised)?.Name;
            LogEventDropped(_logger, name, dropped.InstanceId);
        }

        // Last: with the results no longer in flight and their instances not queued yet, the engine would look idle.
        _activities.Recorded(results.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped event '{EventName}' sent to unknown instance '{InstanceId}'.")]
    private static partial void LogEventDropped(ILogger logger, string? eventName, string instanceId);
}
