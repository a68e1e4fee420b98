using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalentReview.Durable.Embedded.History;
using TalentReview.Durable.Embedded.Persistence;
using TalentReview.Durable.Embedded.Replay;

namespace TalentReview.Durable.Embedded;

/// <summary>
/// Decides one episode of an instance: which of its messages it takes in, what replaying the
/// orchestration with them does, and everything that writes (history, status, activity calls, timers,
/// messages to parents, children and others). What must wait for the commit (caches, counters,
/// completion signals, a re-queue) is returned as after-commit work.
/// </summary>
internal sealed class EpisodePlanner(
    DurableTaskRegistry registry,
    IServiceProvider services,
    DataConverter converter,
    ILoggerFactory loggerFactory,
    EngineStore store,
    HistoryCache histories,
    ReadyQueue ready,
    EngineCounters counters,
    CompletionSignals completions,
    EpisodeLimits limits)
{
    // Task names are case-insensitive in Durable Task.
    private readonly Dictionary<string, Func<IServiceProvider, ITaskOrchestrator>> _orchestrators =
        registry.GetOrchestrators().ToDictionary(t => t.Key.Name, t => t.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The step to commit for <paramref name="work"/>; null when it must wait (events before a delayed start).</summary>
    public InstanceStep? Decide(InstanceWork work, DateTimeOffset now, List<Action> afterCommit)
    {
        var step = new InstanceStep(work.InstanceId);
        if (work.Row is not { IsActive: true } row)
        {
            step.ConsumedMessages.AddRange(work.Messages.Select(m => m.Sequence));
            return step; // ended or purged: its late messages are dropped, as in Durable Task
        }

        var history = histories.Get(row.InstanceId, row.ExecutionId) ?? (row.HistoryLength == 0 ? [] : store.LoadHistory(row.InstanceId));
        var newEvents = new List<HistoryEvent>(work.Messages.Count + 1) { new OrchestratorStarted { Timestamp = now.UtcDateTime } };
        var started = history.Take(2).OfType<ExecutionStarted>().FirstOrDefault(); // an episode opens with OrchestratorStarted
        ExecutionTerminated? terminated = null;
        var eventsTaken = 0;
        var left = false;
        foreach (var stored in work.Messages)
        {
            var message = stored.Message;
            if (eventsTaken == limits.EventsPerEpisode && message.Event is not (ExecutionStarted or ExecutionTerminated))
            {
                left = true; // stays in the inbox for the next episode, after the events before it
                continue;
            }

            step.ConsumedMessages.Add(stored.Sequence);
            switch (message.Event)
            {
                case ExecutionTerminated termination:
                    terminated ??= termination;
                    break;
                case ExecutionStarted start when started is null && start.ExecutionId == row.ExecutionId:
                    started = start;
                    newEvents.Insert(1, start);
                    break;
                case ExecutionStarted:
                    break;
                case var other when message.ExecutionId is null || message.ExecutionId == row.ExecutionId:
                    eventsTaken += other is EventRaised ? 1 : 0;
                    newEvents.Add(other);
                    if (stored.EventBody is { } body)
                    {
                        step.KnownBodies[other] = body;
                    }

                    break;
            }
        }

        if (terminated is not null)
        {
            return Terminate(step, row, started, history.Count, terminated, now, afterCommit);
        }

        if (started is null)
        {
            return null; // events for an instance whose (delayed) start has not come yet wait for it
        }

        if (left || work.Messages.Count > limits.MessagesRead)
        {
            afterCommit.Add(() => ready.Add(row.InstanceId)); // more messages wait: queued again when this batch is released
        }

        if (newEvents.Count == 1)
        {
            return step; // only results of a replaced execution: nothing to replay
        }

        var result = Replay(row, started, history, newEvents, now);
        step.HistoryBase = history.Count;
        step.NewHistory.AddRange(result.NewHistory);
        var counts = EpisodeCounts.Of(newEvents, result);
        foreach (var action in result.Actions)
        {
            AddAction(step, row, action, now);
        }

        var length = history.Count + result.NewHistory.Count;
        switch (result.Status)
        {
            case OrchestrationRuntimeStatus.Running:
                step.Update = new(OrchestrationRuntimeStatus.Running, null, null, result.CustomStatusChanged, result.CustomStatus, length);
                break;
#pragma warning disable CS0618 // The engine still marks an episode that continues as new with Durable Task's status of that name.
            case OrchestrationRuntimeStatus.ContinuedAsNew:
#pragma warning restore CS0618
                ContinueAsNew(step, row, started, result, now);
                break;
            default:
                step.Update = new(result.Status, result.Output, result.Failure, result.CustomStatusChanged, result.CustomStatus, length);
                NotifyParent(step, started, result.Status == OrchestrationRuntimeStatus.Completed
                    ? new SubOrchestrationCompleted(started.Parent?.TaskId ?? 0, result.Output)
                    : new SubOrchestrationFailed(started.Parent?.TaskId ?? 0, result.Failure!), now);
                break;
        }

        var ended = result.Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed;
        afterCommit.Add(() =>
        {
            counts.ApplyTo(counters);
            counters.HistoryWritten(row.InstanceId, result.NewHistory.Count, length);
            if (result.ContinueAsNew is not null)
            {
                histories.Invalidate(row.InstanceId);
            }
            else
            {
                history.AddRange(result.NewHistory);
                histories.Put(row.InstanceId, row.ExecutionId, history);
            }

            if (ended)
            {
                counters.OrchestrationEnded();
                completions.Ended(row.InstanceId);
            }
        });
        return step;
    }

    private EpisodeResult Replay(InstanceRow row, ExecutionStarted started, List<HistoryEvent> history, List<HistoryEvent> newEvents, DateTimeOffset now)
    {
        if (!_orchestrators.TryGetValue(started.Name, out var create))
        {
            var failure = new TaskFailureDetails(typeof(InvalidOperationException).FullName!, $"No orchestrator named '{started.Name}' is registered.", null, null, null);
            var failed = new List<HistoryEvent>(newEvents) { new ExecutionCompleted(OrchestrationRuntimeStatus.Failed, null, failure) { Timestamp = now.UtcDateTime } };
            return new(failed, [], OrchestrationRuntimeStatus.Failed, null, failure, false, null, null, []);
        }

        using var scope = services.CreateScope();
        var orchestrator = create(scope.ServiceProvider);
        return OrchestrationReplayer.Run(orchestrator, row.InstanceId, history, newEvents, now.UtcDateTime, converter, loggerFactory);
    }

    private static void AddAction(InstanceStep step, InstanceRow row, ActionEvent action, DateTimeOffset now)
    {
        switch (action)
        {
            case TaskScheduled task:
                step.Activities.Add(new(row.ExecutionId, task.TaskId, task.Name, task.Input));
                break;
            case TimerCreated timer:
                var fired = new TimerFired(timer.TaskId, timer.FireAt) { Timestamp = timer.FireAt };
                step.Messages.Add(new(row.InstanceId, new(fired, row.ExecutionId), new DateTimeOffset(timer.FireAt, TimeSpan.Zero)));
                break;
            case SubOrchestrationCreated child:
                step.ChildStarts.Add(new(child.InstanceId, child.Name, child.Input, new(row.InstanceId, row.ExecutionId, child.TaskId, row.Name)));
                break;
            case EventSent sent:
                step.SentEvents.Add(new(sent.InstanceId, new(new EventRaised(sent.Name, sent.Input) { Timestamp = now.UtcDateTime })));
                break;
        }
    }

    private static void ContinueAsNew(InstanceStep step, InstanceRow row, ExecutionStarted started, EpisodeResult result, DateTimeOffset now)
    {
        var executionId = Guid.NewGuid().ToString("N");
        var input = result.ContinueAsNew!.Input;
        step.ResetHistory = true;
        step.HistoryBase = 0;
        step.NewHistory.Clear();
        step.Update = new(OrchestrationRuntimeStatus.Running, null, null, result.CustomStatusChanged, result.CustomStatus, 0, executionId, input);
        var restart = new ExecutionStarted(started.Name, executionId, input, started.Parent) { Timestamp = now.UtcDateTime };
        step.Messages.Add(new(row.InstanceId, new(restart)));
        foreach (var carried in result.CarryoverEvents)
        {
            step.Messages.Add(new(row.InstanceId, new(carried)));
        }
    }

    private InstanceStep Terminate(InstanceStep step, InstanceRow row, ExecutionStarted? started, int historyLength, ExecutionTerminated terminated, DateTimeOffset now, List<Action> afterCommit)
    {
        step.HistoryBase = historyLength;
        step.NewHistory.Add(terminated with { Timestamp = now.UtcDateTime });
        step.Update = new(OrchestrationRuntimeStatus.Terminated, terminated.Output, null, false, null, historyLength + 1);
        if (started is not null)
        {
            var failure = new TaskFailureDetails("TaskTerminated", $"Instance '{row.InstanceId}' was terminated.", null, null, null);
            NotifyParent(step, started, new SubOrchestrationFailed(started.Parent?.TaskId ?? 0, failure), now);
        }

        afterCommit.Add(() =>
        {
            histories.Invalidate(row.InstanceId);
            counters.OrchestrationEnded();
            completions.Ended(row.InstanceId);
        });
        return step;
    }

    private static void NotifyParent(InstanceStep step, ExecutionStarted started, TaskResultEvent result, DateTimeOffset now)
    {
        if (started.Parent is { } parent)
        {
            step.Messages.Add(new(parent.InstanceId, new(result with { Timestamp = now.UtcDateTime }, parent.ExecutionId)));
        }
    }
}
