using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace TalentReview.Durable.Embedded.History;

/// <summary>
/// One entry of an orchestration's history, mirroring DurableTask.Core's history events. The
/// history is the orchestration's durable state: replaying it re-creates the in-memory state.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$t")]
[JsonDerivedType(typeof(ExecutionStarted), "start")]
[JsonDerivedType(typeof(OrchestratorStarted), "episode")]
[JsonDerivedType(typeof(TaskScheduled), "task")]
[JsonDerivedType(typeof(TaskCompleted), "taskDone")]
[JsonDerivedType(typeof(TaskFailed), "taskFailed")]
[JsonDerivedType(typeof(SubOrchestrationCreated), "sub")]
[JsonDerivedType(typeof(SubOrchestrationCompleted), "subDone")]
[JsonDerivedType(typeof(SubOrchestrationFailed), "subFailed")]
[JsonDerivedType(typeof(TimerCreated), "timer")]
[JsonDerivedType(typeof(TimerFired), "timerFired")]
[JsonDerivedType(typeof(EventRaised), "event")]
[JsonDerivedType(typeof(EventSent), "eventSent")]
[JsonDerivedType(typeof(ExecutionCompleted), "end")]
[JsonDerivedType(typeof(ExecutionTerminated), "terminated")]
internal abstract record HistoryEvent
{
    public DateTime Timestamp { get; init; }
}

/// <summary>The orchestration that started a sub-orchestration, and the task that waits for it.</summary>
internal sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskId, string? Name = null);

internal sealed record ExecutionStarted(string Name, string ExecutionId, string? Input, ParentInstance? Parent) : HistoryEvent;

/// <summary>Opens an episode; its timestamp is the orchestration's current time.</summary>
internal sealed record OrchestratorStarted : HistoryEvent;

/// <summary>An event that records an action the orchestration took; replay checks it against the code.</summary>
internal abstract record ActionEvent(int TaskId) : HistoryEvent;

internal sealed record TaskScheduled(int TaskId, string Name, string? Input) : ActionEvent(TaskId);

internal sealed record SubOrchestrationCreated(int TaskId, string Name, string InstanceId, string? Input) : ActionEvent(TaskId);

internal sealed record TimerCreated(int TaskId, DateTime FireAt) : ActionEvent(TaskId);

internal sealed record EventSent(int TaskId, string InstanceId, string Name, string? Input) : ActionEvent(TaskId);

/// <summary>An event that completes a task the orchestration awaits.</summary>
internal abstract record TaskResultEvent(int TaskScheduledId) : HistoryEvent;

internal sealed record TaskCompleted(int TaskScheduledId, string? Result) : TaskResultEvent(TaskScheduledId);

internal sealed record TaskFailed(int TaskScheduledId, TaskFailureDetails Failure) : TaskResultEvent(TaskScheduledId);

internal sealed record SubOrchestrationCompleted(int TaskScheduledId, string? Result) : TaskResultEvent(TaskScheduledId);

internal sealed record SubOrchestrationFailed(int TaskScheduledId, TaskFailureDetails Failure) : TaskResultEvent(TaskScheduledId);

internal sealed record TimerFired(int TaskScheduledId, DateTime FireAt) : TaskResultEvent(TaskScheduledId);

internal sealed record EventRaised(string Name, string? Input) : HistoryEvent;

internal sealed record ExecutionCompleted(OrchestrationRuntimeStatus Status, string? Result, TaskFailureDetails? Failure) : HistoryEvent;

internal sealed record ExecutionTerminated(string? Output) : HistoryEvent;

/// <summary>
/// A message in an instance's inbox. Results of tasks carry the execution they belong to, so
/// that results of an execution replaced by ContinueAsNew are dropped, not misdelivered.
/// </summary>
internal sealed record InboxMessage(HistoryEvent Event, string? ExecutionId = null);
