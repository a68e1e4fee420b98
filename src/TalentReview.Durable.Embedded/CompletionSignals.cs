using System.Collections.Concurrent;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// One signal per instance somebody waits for, completed when the instance ends: waiting for the end
/// of one orchestration then costs nothing while thousands of others make progress.
/// </summary>
internal sealed class CompletionSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    /// <summary>Completes when <paramref name="instanceId"/> ends; take it before checking whether it has ended.</summary>
    public Task For(string instanceId)
        => _signals.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Ended(string instanceId)
    {
        if (_signals.TryRemove(instanceId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
