using Microsoft.Extensions.Logging;
using TalentReview.Durable.Embedded.Persistence;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// Durable timers are inbox messages invisible until their due time. The pump knows the earliest due
/// time, sleeps until then on the engine's clock (or until a commit reports an earlier timer, or a
/// virtual clock moves), then makes the due messages visible and queues their instances.
/// </summary>
internal sealed partial class DurableTimerPump(EngineStore store, ReadyQueue ready, Pulse progress, TimeProvider clock, ILogger logger)
{
    // Task.Delay waits at most about 49 days: a timer further away is waited for in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly Pulse _wake = new();
    private readonly Lock _gate = new();
    private DateTimeOffset? _nextDue = store.NextDueTime();
    private bool _recomputing;
    private DateTimeOffset? _reportedWhileRecomputing;

    /// <summary>When the earliest pending timer (or delayed start) is due; null if there is none.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_gate)
            {
                return _nextDue;
            }
        }
    }

    /// <summary>Wakes the pump to look at the clock again (a virtual clock moved).</summary>
    public void Wake() => _wake.Fire();

    /// <summary>A commit stored a timer due at <paramref name="dueAt"/>.</summary>
    public void Report(DateTimeOffset dueAt)
    {
        lock (_gate)
        {
            if (_nextDue is null || dueAt < _nextDue)
            {
                _nextDue = dueAt;
            }

            if (_recomputing && (_reportedWhileRecomputing is null || dueAt < _reportedWhileRecomputing))
            {
                _reportedWhileRecomputing = dueAt;
            }
        }

        _wake.Fire();
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var wake = _wake.Next;
            var now = clock.GetUtcNow();
            var due = NextDueAt;
            if (due <= now)
            {
                try
                {
                    ReleaseDue(now);
                }
#pragma warning disable CA1031 // The pump must survive a failed read; the timers stay stored and are retried.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogTimerPumpFailed(logger, ex);
                    await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None).ConfigureAwait(false);
                }

                continue;
            }

            using var waitEnd = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var waits = new List<Task> { wake };
            if (due is { } dueAt)
            {
                var delay = dueAt - now;
                waits.Add(Task.Delay(delay < LongestWait ? delay : LongestWait, clock, waitEnd.Token));
            }

            waits.Add(Task.Delay(Timeout.InfiniteTimeSpan, waitEnd.Token)); // ends the wait on stop; released with waitEnd
            await Task.WhenAny(waits).ConfigureAwait(false);
            await waitEnd.CancelAsync().ConfigureAwait(false);
        }
    }

    private void ReleaseDue(DateTimeOffset now)
    {
        // Queue the instances first: between the two, the engine must not look idle with fired timers unprocessed.
        foreach (var instanceId in store.ReleaseDueMessages(now))
        {
            ready.Add(instanceId);
        }

        // A timer a commit reports while the store is read must not be lost by overwriting the next due time.
        lock (_gate)
        {
            _recomputing = true;
            _reportedWhileRecomputing = null;
        }

        var next = store.NextDueTime();
        lock (_gate)
        {
            _nextDue = next is null || (_reportedWhileRecomputing is { } reported && reported < next) ? _reportedWhileRecomputing : next;
            _recomputing = false;
        }

        progress.Fire();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Releasing due timers failed; retrying.")]
    private static partial void LogTimerPumpFailed(ILogger logger, Exception exception);
}
