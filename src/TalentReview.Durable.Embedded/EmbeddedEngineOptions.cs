using Microsoft.DurableTask;

namespace TalentReview.Durable.Embedded;

/// <summary>How the embedded engine stores its state and how much it runs at once.</summary>
public sealed class EmbeddedEngineOptions
{
    /// <summary>The SQLite file; null keeps everything in an in-memory database (lost at stop).</summary>
    public string? DatabasePath { get; set; }

    /// <summary>Workers that replay orchestrations in batches; more than the cores, so some replay while others wait for their commit.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>Instances one worker takes per batch.</summary>
    public int BatchSize { get; set; } = 200;

    public int MaxConcurrentActivities { get; set; } = 16;

    /// <summary>
    /// External events one episode of an instance takes in; the rest (and what came after them) wait for
    /// the next episode. A burst of events (thousands of ready signals to one group) then enters the
    /// history a slice at a time, so an orchestration that continues as new after a number of events
    /// keeps a bounded history. Results of the orchestration's own calls are not counted.
    /// </summary>
    public int MaxMessagesPerEpisode { get; set; } = 100;

    /// <summary>Bound of the history cache, in events; histories beyond it are read from the store when needed.</summary>
    public int HistoryCacheCapacity { get; set; } = 200_000;

    /// <summary>The clock for timers and timestamps; null uses the one registered in DI, else <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Serializes inputs, outputs, events and custom status; the hosts pass the workflow's, so both engines write the same payloads.</summary>
    public DataConverter? DataConverter { get; set; }
}
