using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using TalentReview.Durable.Embedded.History;

namespace TalentReview.Durable.Embedded.Replay;

/// <summary>What one episode of an orchestration decided: new history, new actions, and how it stands.</summary>
internal sealed record EpisodeResult(
    IReadOnlyList<HistoryEvent> NewHistory,
    IReadOnlyList<ActionEvent> Actions,
    OrchestrationRuntimeStatus Status,
    string? Output,
    TaskFailureDetails? Failure,
    bool CustomStatusChanged,
    string? CustomStatus,
    ContinueAsNewRequest? ContinueAsNew,
    IReadOnlyList<EventRaised> CarryoverEvents);

/// <summary>
/// Runs one episode the way Durable Task does: the orchestration code re-runs from the start,
/// driven by its recorded history and then by the new events, on one thread, with no I/O.
/// </summary>
internal static class OrchestrationReplayer
{
    public static EpisodeResult Run(
        ITaskOrchestrator orchestrator,
        string instanceId,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents,
        DateTime now,
        DataConverter converter,
        ILoggerFactory loggerFactory)
    {
        var started = past.Concat(newEvents).OfType<ExecutionStarted>().FirstOrDefault()
            ?? throw new InvalidOperationException($"The history of '{instanceId}' has no start event.");
        var parent = started.Parent is { } p ? new ParentOrchestrationInstance(p.Name ?? string.Empty, p.InstanceId) : null;
        var context = new EmbeddedOrchestrationContext(started.Name, instanceId, parent, started.Input, converter, loggerFactory);
        var scheduler = new ReplaySynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(scheduler);
        Task<object?>? run = null;
        try
        {
            context.ReplayingFlag = true;
            foreach (var recorded in past)
            {
                Apply(recorded);
            }

            context.ReplayingFlag = false;
            foreach (var received in newEvents)
            {
                Apply(received);
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return Ended(newEvents, [], now, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex), context);
        }
#pragma warning disable CA1031 // Anything the orchestration code throws outside its task fails the orchestration, not the engine.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Ended(newEvents, [], now, OrchestrationRuntimeStatus.Failed, null, FailureOf(ex), context);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        var actions = context.NewActions.Select(a => a with { Timestamp = now }).ToList();
        if (run is null || !run.IsCompleted)
        {
            var history = new List<HistoryEvent>(newEvents.Count + actions.Count);
            history.AddRange(newEvents);
            history.AddRange(actions);
            return new(history, actions, OrchestrationRuntimeStatus.Running, null, null, context.CustomStatusChanged, context.SerializedCustomStatus, null, []);
        }

        if (run.IsCompletedSuccessfully && context.ContinueAsNewRequested is { } next)
        {
            var carryover = next.PreserveUnprocessedEvents ? context.BufferedEvents.ToList() : [];
#pragma warning disable CS0618 // Durable Task's status for an execution that continues as new; never reported to clients.
            var ended = Ended(newEvents, actions, now, OrchestrationRuntimeStatus.ContinuedAsNew, next.Input, null, context);
#pragma warning restore CS0618
            return ended with { ContinueAsNew = next, CarryoverEvents = carryover };
        }

        return run.Status switch
        {
            TaskStatus.RanToCompletion => Ended(newEvents, actions, now, OrchestrationRuntimeStatus.Completed, converter.Serialize(run.Result), null, context),
            TaskStatus.Canceled => Ended(newEvents, actions, now, OrchestrationRuntimeStatus.Failed, null, FailureOf(CanceledException(run)), context),
            _ => Ended(newEvents, actions, now, OrchestrationRuntimeStatus.Failed, null, FailureOf(run.Exception!.InnerException ?? run.Exception), context),
        };

        void Apply(HistoryEvent historyEvent)
        {
            switch (historyEvent)
            {
                case OrchestratorStarted episode:
                    context.CurrentTime = episode.Timestamp;
                    break;
                case ExecutionStarted:
                    run = Start(orchestrator, context, converter, started.Input);
                    break;
                case ActionEvent action:
                    context.MatchRecordedAction(action);
                    break;
                case TaskResultEvent result:
                    context.Complete(result);
                    break;
                case EventRaised raised:
                    context.Receive(raised);
                    break;
            }

            scheduler.RunPending();
        }
    }

    private static Task<object?> Start(ITaskOrchestrator orchestrator, TaskOrchestrationContext context, DataConverter converter, string? input)
    {
        try
        {
            return orchestrator.RunAsync(context, converter.Deserialize(input, orchestrator.InputType));
        }
#pragma warning disable CA1031 // A failure to start (e.g. an input that does not deserialize) fails the orchestration.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromException<object?>(ex);
        }
    }

    private static TaskCanceledException CanceledException(Task run)
    {
        try
        {
            run.GetAwaiter().GetResult();
            return new TaskCanceledException();
        }
        catch (TaskCanceledException ex)
        {
            return ex;
        }
    }

    private static TaskFailureDetails FailureOf(Exception exception) => exception is TaskFailedException failed
        ? new(typeof(TaskFailedException).FullName!, failed.Message, failed.StackTrace, failed.FailureDetails, null)
        : TaskFailureDetails.FromException(exception);

    private static EpisodeResult Ended(
        IReadOnlyList<HistoryEvent> newEvents,
        List<ActionEvent> actions,
        DateTime now,
        OrchestrationRuntimeStatus status,
        string? output,
        TaskFailureDetails? failure,
        EmbeddedOrchestrationContext context)
    {
        var history = new List<HistoryEvent>(newEvents.Count + actions.Count + 1);
        history.AddRange(newEvents);
        history.AddRange(actions);
        history.Add(new ExecutionCompleted(status, output, failure) { Timestamp = now });
        return new(history, actions, status, output, failure, context.CustomStatusChanged, context.SerializedCustomStatus, null, []);
    }
}
