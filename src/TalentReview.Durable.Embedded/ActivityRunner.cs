using System.Threading.Channels;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Durable.Embedded.History;
using TalentReview.Durable.Embedded.Persistence;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// Runs stored activity calls concurrently and hands their results to the group committer. A call
/// stays "in flight" (the engine is not idle) from the moment it is stored until its result is committed.
/// </summary>
internal sealed class ActivityRunner(
    DurableTaskRegistry registry, IServiceProvider services, DataConverter converter, GroupCommitter committer, Func<DateTimeOffset> now)
{
    // Task names are case-insensitive in Durable Task.
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> _activities =
        registry.GetActivities().ToDictionary(t => t.Key.Name, t => t.Value, StringComparer.OrdinalIgnoreCase);

    private readonly Channel<ActivityWorkItem> _queue = Channel.CreateUnbounded<ActivityWorkItem>();
    private long _inFlight;

    public bool HasWorkInFlight => Interlocked.Read(ref _inFlight) > 0;

    public void Enqueue(ActivityWorkItem activity)
    {
        Interlocked.Increment(ref _inFlight);
        _queue.Writer.TryWrite(activity);
    }

    /// <summary>The results of <paramref name="count"/> calls are committed: they are no longer in flight.</summary>
    public void Recorded(int count) => Interlocked.Add(ref _inFlight, -count);

    /// <summary>One of the concurrent runners; returns when the engine stops.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                if (await RunOneAsync(item, stopping).ConfigureAwait(false) is { } result)
                {
                    var outcome = new ActivityOutcome(item, result);
                    _ = outcome.Message.Body; // serialized here, in parallel, rather than on the committer
                    committer.RecordResult(outcome);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: activities not run stay stored and run after the next start.
        }
    }

    private async Task<HistoryEvent?> RunOneAsync(ActivityWorkItem item, CancellationToken stopping)
    {
        var request = item.Request;
        if (!_activities.TryGetValue(request.Name, out var create))
        {
            var failure = new TaskFailureDetails(typeof(InvalidOperationException).FullName!, $"No activity named '{request.Name}' is registered.", null, null, null);
            return new TaskFailed(request.TaskId, failure) { Timestamp = now().UtcDateTime };
        }

        try
        {
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var activity = create(scope.ServiceProvider);
                var input = converter.Deserialize(request.Input, activity.InputType);
                var output = await activity.RunAsync(new EmbeddedActivityContext(request.Name, item.InstanceId), input).ConfigureAwait(false);
                return new TaskCompleted(request.TaskId, converter.Serialize(output)) { Timestamp = now().UtcDateTime };
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _inFlight);
            return null; // interrupted by shutdown: it stays stored and runs again after the next start
        }
#pragma warning disable CA1031 // Whatever an activity throws becomes its failure, delivered to the orchestration.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new TaskFailed(request.TaskId, TaskFailureDetails.FromException(ex)) { Timestamp = now().UtcDateTime };
        }
    }
}
