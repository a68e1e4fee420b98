using Microsoft.Extensions.Logging;
using TalentReview.Durable.Embedded.Persistence;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// The workers that run orchestration episodes: each takes a batch of ready instances, loads their
/// messages, decides one episode per instance and waits until the whole batch is committed. Several
/// workers run at once, so some replay while others wait for their commit.
/// </summary>
internal sealed partial class OrchestrationWorkers(
    EngineStore store,
    ReadyQueue ready,
    EpisodePlanner planner,
    GroupCommitter committer,
    HistoryCache histories,
    Pulse progress,
    Func<DateTimeOffset> now,
    int batchSize,
    EpisodeLimits limits,
    ILogger logger)
{
    /// <summary>One worker; returns when the engine stops (after its current batch is committed).</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            List<string> batch;
            try
            {
                batch = await ready.TakeAsync(batchSize, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await RunBatchAsync(batch).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failed batch must not kill the worker; its messages stay stored and are retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogBatchFailed(logger, ex, batch.Count);
                foreach (var instanceId in batch)
                {
                    histories.Invalidate(instanceId);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None).ConfigureAwait(false);
                foreach (var instanceId in batch)
                {
                    ready.Add(instanceId);
                }
            }
            finally
            {
                ready.Release(batch);
                progress.Fire();
            }
        }
    }

    private async Task RunBatchAsync(List<string> batch)
    {
        var at = now();
        var steps = new List<InstanceStep>(batch.Count);
        var afterCommit = new List<Action>(batch.Count);
        foreach (var work in store.LoadWork(batch, limits.MessagesRead))
        {
            if (work.Messages.Count > 0 && planner.Decide(work, at, afterCommit) is { } step)
            {
                step.Serialize(); // here, in parallel with other workers, rather than on the single committer
                steps.Add(step);
            }
        }

        if (steps.Count == 0)
        {
            return;
        }

        await committer.CommitStepsAsync(steps).ConfigureAwait(false);
        foreach (var action in afterCommit)
        {
            action();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} orchestration steps failed; it will be retried.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
