using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using TalentReview.Durable.Embedded.Persistence;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// Group commit: everything workers, activities and clients finished since the last commit goes
/// into one transaction, so the per-transaction cost of SQLite is shared by many writes. Nothing is
/// acknowledged (a worker's step, a client's call) before the transaction holding it has committed.
/// </summary>
internal sealed partial class GroupCommitter(EngineStore store, Func<DateTimeOffset> now, ILogger logger)
{
    private const int MaxCommitSize = 5_000;

    private readonly Channel<PendingCommit> _pending = Channel.CreateUnbounded<PendingCommit>(new() { SingleReader = true });
    private Task? _loop;
    private long _clientWritesWaiting;

    /// <summary>Called after every successful commit, before anyone waiting for it is told.</summary>
    public event Action<CommitOutcome, IReadOnlyList<ActivityOutcome>>? Committed;

    /// <summary>Called after every attempt, committed or not: progress waiters look again.</summary>
    public event Action? Attempted;

    /// <summary>Client calls whose write is queued but not committed yet: the engine is not idle while there are any.</summary>
    public bool HasClientWritesWaiting => Interlocked.Read(ref _clientWritesWaiting) > 0;

    public void Start() => _loop = Task.Run(RunAsync, CancellationToken.None);

    /// <summary>Commits what is queued, then stops; later writes are committed by their callers, one at a time.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Commits the steps of a worker's batch; completes once they are durable.</summary>
    public Task CommitStepsAsync(List<InstanceStep> steps)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite(new(steps, null, null, committed)))
        {
            throw new InvalidOperationException("The engine has stopped: no more steps are committed.");
        }

        return committed.Task;
    }

    /// <summary>Queues an activity's result; it is committed with others and never lost (a failed commit retries it).</summary>
    public void RecordResult(ActivityOutcome result) => _pending.Writer.TryWrite(new(null, result, null, null));

    /// <summary>
    /// Commits a client's write with whatever else is waiting; completes, or fails with the write's own
    /// refusal, once it is durable. Before start or after stop the write is committed alone, on the caller.
    /// </summary>
    public async Task CommitAsync(ClientWrite write)
    {
        Interlocked.Increment(ref _clientWritesWaiting);
        try
        {
            if (_loop is null || !_pending.Writer.TryWrite(new(null, null, write, null)))
            {
                var outcome = store.Commit([], [], [write], now());
                Committed?.Invoke(outcome, []);
                Attempted?.Invoke();
                write.Acknowledge();
            }

            await write.Done.ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _clientWritesWaiting);
        }
    }

    private async Task RunAsync()
    {
        var reader = _pending.Reader;
        var steps = new List<InstanceStep>();
        var results = new List<ActivityOutcome>();
        var writes = new List<ClientWrite>();
        var waiting = new List<TaskCompletionSource>();
        var failures = 0;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            steps.Clear();
            results.Clear();
            writes.Clear();
            waiting.Clear();
            while (steps.Count + results.Count + writes.Count < MaxCommitSize && reader.TryRead(out var pending))
            {
                if (pending.Steps is not null)
                {
                    steps.AddRange(pending.Steps);
                }

                if (pending.Result is not null)
                {
                    results.Add(pending.Result);
                }

                if (pending.Write is not null)
                {
                    writes.Add(pending.Write);
                }

                if (pending.Committed is not null)
                {
                    waiting.Add(pending.Committed);
                }
            }

            var committed = false;
            try
            {
                var outcome = store.Commit(steps, results, writes, now());
                committed = true;
                failures = 0;
                Committed?.Invoke(outcome, results);
                waiting.ForEach(w => w.TrySetResult());
                writes.ForEach(w => w.Acknowledge());
            }
#pragma warning disable CA1031 // A failed commit (a full disk) loses nothing: steps are retried by their workers, clients are told, activity results are committed again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                waiting.ForEach(w => w.TrySetException(ex));
                writes.ForEach(w => w.Fail(ex));
                if (results.Count > 0)
                {
                    LogResultsFailed(logger, ex, results.Count);
                }
            }
            finally
            {
                Attempted?.Invoke();
            }

            if (!committed && results.Count > 0)
            {
                // The results stay in flight (the engine is not idle) and go to the next commit, after a pause
                // that grows while the disk stays full, so the host recovers by itself when space returns.
                await Task.Delay(RetryPause(++failures), CancellationToken.None).ConfigureAwait(false);
                foreach (var result in results)
                {
                    RecordResult(result);
                }
            }
        }
    }

    /// <summary>200 ms, doubling up to 5 s (real time: a full disk is not virtual).</summary>
    private static TimeSpan RetryPause(int failures) => TimeSpan.FromMilliseconds(Math.Min(5_000, 200 * Math.Pow(2, Math.Min(failures - 1, 5))));

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Count} activity results failed; they are recorded again in a moment.")]
    private static partial void LogResultsFailed(ILogger logger, Exception exception, int count);

    private sealed record PendingCommit(List<InstanceStep>? Steps, ActivityOutcome? Result, ClientWrite? Write, TaskCompletionSource? Committed);
}
