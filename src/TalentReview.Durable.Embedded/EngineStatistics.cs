namespace TalentReview.Durable.Embedded;

/// <summary>
/// A snapshot of what the engine has done since it started: the "durable actions" that would be
/// billed or stored on a hosted Durable Task backend, and the longest history of any execution.
/// </summary>
public sealed record EngineStatistics
{
    public long OrchestrationsStarted { get; init; }

    public long OrchestrationsEnded { get; init; }

    public long Episodes { get; init; }

    public long ActivitiesScheduled { get; init; }

    public long ActivitiesCompleted { get; init; }

    public long ActivitiesFailed { get; init; }

    public long SubOrchestrationsScheduled { get; init; }

    public long TimersCreated { get; init; }

    public long TimersFired { get; init; }

    public long ExternalEventsReceived { get; init; }

    public long EventsSent { get; init; }

    public long HistoryEventsWritten { get; init; }

    /// <summary>The most history events any single execution has had (replay cost grows with it).</summary>
    public int MaxHistoryLength { get; init; }

    public string? MaxHistoryInstanceId { get; init; }

    /// <summary>Orchestration starts, activity calls and results, sub-orchestrations, timers, events received and sent.</summary>
    public long DurableActions => OrchestrationsStarted + ActivitiesScheduled + ActivitiesCompleted + ActivitiesFailed
        + SubOrchestrationsScheduled + TimersCreated + ExternalEventsReceived + EventsSent;
}

/// <summary>The engine's live counters behind <see cref="EngineStatistics"/>.</summary>
internal sealed class EngineCounters
{
    private readonly Lock _maxGate = new();
    private long _orchestrationsStarted;
    private long _orchestrationsEnded;
    private long _episodes;
    private long _activitiesScheduled;
    private long _activitiesCompleted;
    private long _activitiesFailed;
    private long _subOrchestrationsScheduled;
    private long _timersCreated;
    private long _timersFired;
    private long _externalEventsReceived;
    private long _eventsSent;
    private long _historyEventsWritten;
    private int _maxHistoryLength;
    private string? _maxHistoryInstanceId;

    public void OrchestrationStarted(int count = 1) => Interlocked.Add(ref _orchestrationsStarted, count);

    public void OrchestrationEnded(int count = 1) => Interlocked.Add(ref _orchestrationsEnded, count);

    public void Episode(int count = 1) => Interlocked.Add(ref _episodes, count);

    public void ActivityScheduled(int count = 1) => Interlocked.Add(ref _activitiesScheduled, count);

    public void ActivityCompleted(int count = 1) => Interlocked.Add(ref _activitiesCompleted, count);

    public void ActivityFailed(int count = 1) => Interlocked.Add(ref _activitiesFailed, count);

    public void SubOrchestrationScheduled(int count = 1) => Interlocked.Add(ref _subOrchestrationsScheduled, count);

    public void TimerCreated(int count = 1) => Interlocked.Add(ref _timersCreated, count);

    public void TimerFired(int count = 1) => Interlocked.Add(ref _timersFired, count);

    public void ExternalEventReceived(int count = 1) => Interlocked.Add(ref _externalEventsReceived, count);

    public void EventSent(int count = 1) => Interlocked.Add(ref _eventsSent, count);

    public void HistoryWritten(string instanceId, int newEvents, int totalLength)
    {
        Interlocked.Add(ref _historyEventsWritten, newEvents);
        if (totalLength <= Volatile.Read(ref _maxHistoryLength))
        {
            return;
        }

        lock (_maxGate)
        {
            if (totalLength > _maxHistoryLength)
            {
                _maxHistoryLength = totalLength;
                _maxHistoryInstanceId = instanceId;
            }
        }
    }

    public EngineStatistics Snapshot()
    {
        lock (_maxGate)
        {
            return new()
            {
                OrchestrationsStarted = Interlocked.Read(ref _orchestrationsStarted),
                OrchestrationsEnded = Interlocked.Read(ref _orchestrationsEnded),
                Episodes = Interlocked.Read(ref _episodes),
                ActivitiesScheduled = Interlocked.Read(ref _activitiesScheduled),
                ActivitiesCompleted = Interlocked.Read(ref _activitiesCompleted),
                ActivitiesFailed = Interlocked.Read(ref _activitiesFailed),
                SubOrchestrationsScheduled = Interlocked.Read(ref _subOrchestrationsScheduled),
                TimersCreated = Interlocked.Read(ref _timersCreated),
                TimersFired = Interlocked.Read(ref _timersFired),
                ExternalEventsReceived = Interlocked.Read(ref _externalEventsReceived),
                EventsSent = Interlocked.Read(ref _eventsSent),
                HistoryEventsWritten = Interlocked.Read(ref _historyEventsWritten),
                MaxHistoryLength = _maxHistoryLength,
                MaxHistoryInstanceId = _maxHistoryInstanceId,
            };
        }
    }
}
