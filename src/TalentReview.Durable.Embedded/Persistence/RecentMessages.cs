namespace TalentReview.Durable.Embedded.Persistence;

/// <summary>
/// Activity results just committed to inboxes, as objects, by their sequence number: the episode
/// that takes them in (usually within milliseconds) neither parses their stored form nor serializes
/// their history events again. Only a cache: a message not found here is read from its stored form.
/// </summary>
internal sealed class RecentMessages
{
    // A fan-out of thousands fits. Results nobody takes from here (their instance was purged, or a worker read
    // them before they were added) would pile up: at the bound everything is dropped and read from the store.
    private const int Capacity = 50_000;

    private readonly Dictionary<long, OutgoingMessage> _messages = [];
    private readonly Lock _gate = new();

    public void Add(List<(long Sequence, OutgoingMessage Message)> committed)
    {
        lock (_gate)
        {
            if (_messages.Count + committed.Count > Capacity)
            {
                _messages.Clear();
            }

            foreach (var (sequence, message) in committed)
            {
                _messages[sequence] = message;
            }
        }
    }

    /// <summary>The message stored under <paramref name="sequence"/>, if it is still here; it is removed, as it is being taken in.</summary>
    public OutgoingMessage? Take(long sequence)
    {
        lock (_gate)
        {
            return _messages.Remove(sequence, out var message) ? message : null;
        }
    }
}
