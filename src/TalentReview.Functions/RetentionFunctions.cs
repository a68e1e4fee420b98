using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using TalentReview.Functions.Hosting;
using TalentReview.Workflow.Privacy;

namespace TalentReview.Functions;

/// <summary>Once a day, purges the data and durable instances of cycles past their retention period.</summary>
public sealed partial class RetentionFunctions(RetentionService retention, DurableClientBinding durableClient, ILogger<RetentionFunctions> logger)
{
    [Function(nameof(PurgeExpiredCycles))]
    public async Task PurgeExpiredCycles(
        [TimerTrigger("0 30 2 * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext function)
    {
        ArgumentNullException.ThrowIfNull(function);
        durableClient.Client = client;
        var report = await retention.PurgeExpiredCyclesAsync(function.CancellationToken);
        LogPurged(report.Cutoff, report.Cycles.Count(c => !c.Deferred), report.Cycles.Count(c => c.Deferred));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge of cycles ended before {Cutoff}: {Purged} purged, {Deferred} left for the next run.")]
    private partial void LogPurged(DateOnly cutoff, int purged, int deferred);
}
