namespace TalentReview.Durable.Embedded;

/// <summary>
/// Instances that have work, in arrival order. An instance taken by a worker is "running" until
/// released; work that arrives meanwhile queues it again on release, so one instance never runs
/// twice at once and no wake-up is lost.
/// </summary>
internal sealed class ReadyQueue
{
    private readonly Queue<string> _queue = new();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rerun = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Pulse _available = new();

    /// <summary>Instances queued or running; zero means no orchestration work at all.</summary>
    public int Busy
    {
        get
        {
            lock (_gate)
            {
                return _queued.Count + _running.Count;
            }
        }
    }

    public void Add(string instanceId)
    {
        lock (_gate)
        {
            if (_running.Contains(instanceId))
            {
                _rerun.Add(instanceId);
                return;
            }

            if (!_queued.Add(instanceId))
            {
                return;
            }

            _queue.Enqueue(instanceId);
        }

        _available.Fire();
    }

    /// <summary>Takes up to <paramref name="max"/> instances, waiting until there is at least one.</summary>
    public async Task<List<string>> TakeAsync(int max, CancellationToken cancellation)
    {
        while (true)
        {
            var available = _available.Next;
            lock (_gate)
            {
                if (_queue.Count > 0)
                {
                    var batch = new List<string>(Math.Min(max, _queue.Count));
                    while (batch.Count < max && _queue.TryDequeue(out var id))
                    {
                        _queued.Remove(id);
                        _running.Add(id);
                        batch.Add(id);
                    }

                    return batch;
                }
            }

            await available.WaitAsync(cancellation).ConfigureAwait(false);
        }
    }

    public void Release(IEnumerable<string> instanceIds)
    {
        var requeued = false;
        lock (_gate)
        {
            foreach (var id in instanceIds)
            {
                _running.Remove(id);
                if (_rerun.Remove(id) && _queued.Add(id))
                {
                    _queue.Enqueue(id);
                    requeued = true;
                }
            }
        }

        if (requeued)
        {
            _available.Fire();
        }
    }
}
