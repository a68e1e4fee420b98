namespace TalentReview.MailCapture;

/// <summary>A planned misbehaviour of the capture endpoint, to exercise a client's retries.</summary>
public abstract record CaptureFault;

/// <summary>Answers 429. SendGrid itself sends only X-RateLimit-Reset; <see cref="SendRetryAfter"/> adds a Retry-After header too.</summary>
public sealed record TooManyRequestsFault(TimeSpan RetryAfter, bool SendRetryAfter = true) : CaptureFault;

public sealed record ServerErrorFault(int StatusCode = 500) : CaptureFault;

/// <summary>Waits before handling the request normally; if the client gives up first, nothing is stored.</summary>
public sealed record SlowAnswerFault(TimeSpan Delay) : CaptureFault;

/// <summary>Accepts the email (it is in the mailbox) and then drops the connection: the client never learns it was accepted.</summary>
public sealed record AnswerLostFault : CaptureFault;

/// <summary>The faults the next requests will meet, first in first out. Thread-safe; the test (or the dev API) holds it.</summary>
public sealed class CaptureFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<CaptureFault> _pending = new();

    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>The next <paramref name="times"/> requests meet <paramref name="fault"/> (after any already planned).</summary>
    public void Enqueue(CaptureFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _pending.Enqueue(fault);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    internal CaptureFault? TakeNext()
    {
        lock (_gate)
        {
            return _pending.TryDequeue(out var fault) ? fault : null;
        }
    }
}
