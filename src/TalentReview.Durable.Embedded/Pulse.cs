namespace TalentReview.Durable.Embedded;

/// <summary>
/// Wakes everyone waiting for "something changed". Take <see cref="Next"/> before checking your
/// condition, then await it: a change between the check and the await is not lost.
/// </summary>
internal sealed class Pulse
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Fire()
    {
        var fired = Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously));
        fired.TrySetResult();
    }
}
