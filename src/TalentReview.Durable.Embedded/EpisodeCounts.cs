using TalentReview.Durable.Embedded.History;
using TalentReview.Durable.Embedded.Replay;

namespace TalentReview.Durable.Embedded;

/// <summary>What one episode received and did, counted while it is decided and added to the statistics once it is committed.</summary>
internal struct EpisodeCounts
{
    public int Started;
    public int EventsReceived;
    public int TimersFired;
    public int Activities;
    public int Timers;
    public int SubOrchestrations;
    public int EventsSent;

    public static EpisodeCounts Of(List<HistoryEvent> newEvents, EpisodeResult result)
    {
        var counts = new EpisodeCounts();
        foreach (var received in newEvents)
        {
            switch (received)
            {
                case ExecutionStarted: counts.Started++; break;
                case EventRaised: counts.EventsReceived++; break;
                case TimerFired: counts.TimersFired++; break;
            }
        }

        foreach (var action in result.Actions)
        {
            switch (action)
            {
                case TaskScheduled: counts.Activities++; break;
                case TimerCreated: counts.Timers++; break;
                case SubOrchestrationCreated: counts.SubOrchestrations++; break;
                case EventSent: counts.EventsSent++; break;
            }
        }

        return counts;
    }

    public readonly void ApplyTo(EngineCounters counters)
    {
        counters.Episode();
        counters.OrchestrationStarted(Started);
        counters.ExternalEventReceived(EventsReceived);
        counters.TimerFired(TimersFired);
        counters.ActivityScheduled(Activities);
        counters.TimerCreated(Timers);
        counters.SubOrchestrationScheduled(SubOrchestrations);
        counters.EventSent(EventsSent);
    }
}
