namespace TalentReview.MailCapture;

/// <summary>
/// The emails the capture endpoint accepted, newest last, bounded: beyond the capacity the oldest
/// are dropped so a long local run cannot exhaust memory. Thread-safe.
/// </summary>
public sealed class CaptureMailbox(int capacity) : IAcceptedMail
{
    private readonly Lock _gate = new();
    private readonly LinkedList<CapturedEmail> _emails = new();
    private readonly List<CapturedRequest> _requests = [];
    private long _nextId;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _emails.Count;
            }
        }
    }

    /// <summary>Every email still held, oldest first.</summary>
    public IReadOnlyList<CapturedEmail> Snapshot()
    {
        lock (_gate)
        {
            return [.. _emails];
        }
    }

    /// <summary>The emails to one address (case-insensitive), oldest first.</summary>
    public IReadOnlyList<CapturedEmail> For(string email)
    {
        lock (_gate)
        {
            return [.. _emails.Where(e => string.Equals(e.To.Email, email, StringComparison.OrdinalIgnoreCase))];
        }
    }

    public IReadOnlyList<CapturedEmail> WithCustomArg(string name, string value, int limit)
    {
        lock (_gate)
        {
            return [.. _emails.Where(e => e.CustomArgs.TryGetValue(name, out var argument) && argument == value).Take(limit)];
        }
    }

    public CapturedEmail? Find(long id)
    {
        lock (_gate)
        {
            return _emails.FirstOrDefault(e => e.Id == id);
        }
    }

    /// <summary>Every call to the send endpoint, answered or refused, in order.</summary>
    public IReadOnlyList<CapturedRequest> Requests()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _emails.Clear();
            _requests.Clear();
        }
    }

    internal void Add(IEnumerable<Func<long, CapturedEmail>> emails)
    {
        lock (_gate)
        {
            foreach (var create in emails)
            {
                _emails.AddLast(create(++_nextId));
                if (_emails.Count > Capacity)
                {
                    _emails.RemoveFirst();
                }
            }
        }
    }

    internal void Record(CapturedRequest request)
    {
        lock (_gate)
        {
            // Bounded like the emails: one request per 1,000 emails at most is plenty of history.
            if (_requests.Count >= Capacity)
            {
                _requests.RemoveAt(0);
            }

            _requests.Add(request);
        }
    }
}
