using System.Diagnostics;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Testing.Sidecar;

namespace TalentReview.Durable.Conformance.RealEngine;

/// <summary>
/// The real engine's in-memory backend, with its durable timers held until a virtual clock reaches
/// them, and the work in flight counted so a test can tell when the engine has gone quiet.
/// Only the interface members that matter are re-implemented; the rest map to the base class.
/// </summary>
internal sealed class HeldTimerOrchestrationService : InMemoryOrchestrationService, IOrchestrationService, IOrchestrationServiceClient
{
    private readonly Lock _gate = new();
    private readonly List<TaskMessage> _heldTimers = [];
    private readonly Stopwatch _sinceLastChange = Stopwatch.StartNew();
    private int _lockedOrchestrations;
    private int _queuedActivities;
    private int _runningActivities;

    /// <summary>
    /// The backend caps work in flight at the processor count, and a dispatcher at its cap pauses for
    /// seconds: slow, and a pause with nothing in flight would look idle. The cap is raised instead.
    /// </summary>
    private const int WorkItemsInFlight = 1_000;

    int IOrchestrationService.MaxConcurrentTaskOrchestrationWorkItems => WorkItemsInFlight;

    int IOrchestrationService.MaxConcurrentTaskActivityWorkItems => WorkItemsInFlight;

    /// <summary>True when no work is locked or queued and nothing has moved for <paramref name="quiet"/>.</summary>
    public bool IsQuiet(TimeSpan quiet)
    {
        lock (_gate)
        {
            return _lockedOrchestrations == 0 && _queuedActivities == 0 && _runningActivities == 0 && _sinceLastChange.Elapsed >= quiet;
        }
    }

    /// <summary>When the earliest held timer is due, if any.</summary>
    public DateTime? NextTimer()
    {
        lock (_gate)
        {
            return _heldTimers.Count == 0 ? null : _heldTimers.Min(m => ((TimerFiredEvent)m.Event).FireAt);
        }
    }

    /// <summary>Hands the backend every held timer due at or before <paramref name="now"/>.</summary>
    public async Task ReleaseTimersDueAsync(DateTime now)
    {
        List<TaskMessage> due;
        lock (_gate)
        {
            due = [.. _heldTimers.Where(m => ((TimerFiredEvent)m.Event).FireAt <= now)];
            _heldTimers.RemoveAll(due.Contains);
            Touch();
        }

        foreach (var message in due)
        {
            // The backend delays a timer due after the machine's clock; the virtual clock has reached it already.
            ((TimerFiredEvent)message.Event).FireAt = DateTime.UnixEpoch;
            await SendTaskOrchestrationMessageAsync(message);
        }
    }

    async Task<TaskOrchestrationWorkItem> IOrchestrationService.LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var item = await LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        Count(() => _lockedOrchestrations++);
        return item;
    }

    async Task IOrchestrationService.ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        await ReleaseTaskOrchestrationWorkItemAsync(workItem);
        Count(() => _lockedOrchestrations--);
    }

    Task IOrchestrationService.CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        Count(() =>
        {
            _heldTimers.AddRange(timerMessages);
            _queuedActivities += outboundMessages.Count;
        });
        return CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, [], continuedAsNewMessage, orchestrationState);
    }

    async Task<TaskActivityWorkItem> IOrchestrationService.LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var item = await LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        Count(() =>
        {
            _queuedActivities--;
            _runningActivities++;
        });
        return item;
    }

    async Task IOrchestrationService.CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
        Count(() => _runningActivities--);
    }

    async Task IOrchestrationService.AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await AbandonTaskActivityWorkItemAsync(workItem);
        Count(() =>
        {
            _runningActivities--;
            _queuedActivities++;
        });
    }

    async Task IOrchestrationServiceClient.SendTaskOrchestrationMessageAsync(TaskMessage message)
    {
        await SendTaskOrchestrationMessageAsync(message);
        Count(() => { });
    }

    async Task IOrchestrationServiceClient.CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        await CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);
        Count(() => { });
    }

    private void Count(Action change)
    {
        lock (_gate)
        {
            change();
            Touch();
        }
    }

    private void Touch() => _sinceLastChange.Restart();
}
