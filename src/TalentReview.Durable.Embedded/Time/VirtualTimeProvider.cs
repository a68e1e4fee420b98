namespace TalentReview.Durable.Embedded.Time;

/// <summary>
/// A clock that moves only when told to: for tests, simulations and the local host's "advance to
/// next deadline". Timers created on it (including Task.Delay with this provider and the engine's
/// durable timers) fire as soon as the clock is moved past their due time. Thread-safe.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<VirtualTimer> _timers = [];
    private DateTimeOffset _now;

    public VirtualTimeProvider(DateTimeOffset start) => _now = start.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>
    /// Raised after every move of the clock. A relative wait computed from a reading of the clock
    /// taken just before a move would otherwise land too late; whoever waits for absolute moments
    /// (the engine's timer pump) listens here and recomputes.
    /// </summary>
    internal event Action? Moved;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_gate)
        {
            _now += delta;
        }

        FireDueTimers();
        Moved?.Invoke();
    }

    /// <summary>Moves the clock to <paramref name="value"/>; moving backwards is refused, as time never does that to timers.</summary>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"The virtual clock is at {_now:o} and cannot go back.");
            }

            _now = value.ToUniversalTime();
        }

        FireDueTimers();
        Moved?.Invoke();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = _now + dueTime;
            timer.Period = period;
            _timers.Add(timer);
        }

        if (dueTime <= TimeSpan.Zero)
        {
            FireDueTimers();
        }
    }

    private void Unschedule(VirtualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private void FireDueTimers()
    {
        List<VirtualTimer> due;
        lock (_gate)
        {
            due = _timers.Where(t => t.DueAt <= _now).OrderBy(t => t.DueAt).ToList();
            foreach (var timer in due)
            {
                if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                {
                    // A periodic timer fires once per move of the clock, however far it moved.
                    timer.DueAt = _now + timer.Period;
                }
                else
                {
                    _timers.Remove(timer);
                }
            }
        }

        // Callbacks run on the thread pool, as real timers do, so a caller moving the clock never runs them inline.
        foreach (var timer in due)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Invoke(), timer, preferLocal: false);
        }
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public void Invoke() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose() => owner.Unschedule(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
