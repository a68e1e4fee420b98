using TalentReview.Durable.Embedded.History;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// Recently used histories, bounded by their total number of events, so that busy instances
/// replay without reading SQLite while hundreds of thousands of idle ones take no memory.
/// </summary>
internal sealed class HistoryCache(int capacityInEvents)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _gate = new();
    private long _events;

    public List<HistoryEvent>? Get(string instanceId, string executionId)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(instanceId, out var node))
            {
                return null;
            }

            if (node.Value.ExecutionId != executionId)
            {
                Remove(node);
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.History;
        }
    }

    /// <summary>Stores the history an instance has after a committed step (the list is owned by the cache from now on).</summary>
    public void Put(string instanceId, string executionId, List<HistoryEvent> history)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(instanceId, out var existing))
            {
                Remove(existing);
            }

            if (history.Count > capacityInEvents)
            {
                return;
            }

            var node = _recency.AddFirst(new Entry(instanceId, executionId, history, history.Count));
            _entries[instanceId] = node;
            _events += history.Count;
            while (_events > capacityInEvents && _recency.Last is { } oldest)
            {
                Remove(oldest);
            }
        }
    }

    public void Invalidate(string instanceId)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(instanceId, out var node))
            {
                Remove(node);
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.InstanceId);
        _events -= node.Value.Count;
    }

    private sealed record Entry(string InstanceId, string ExecutionId, List<HistoryEvent> History, int Count);
}
