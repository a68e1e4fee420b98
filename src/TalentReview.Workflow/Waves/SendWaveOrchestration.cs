using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

using TalentReview.Workflow.Resilience;

namespace TalentReview.Workflow.Waves;

/// <summary>
/// Sends one email wave page by page: each page is one activity (at most 1,000 recipients, one email
/// API call) and then the orchestration continues as new with the cursor, so its history stays a
/// few events long however many people the wave reaches.
/// </summary>
public sealed class SendWaveOrchestration : TaskOrchestrator<WaveRequest, WaveTotals>
{
    public override async Task<WaveTotals> RunAsync(TaskOrchestrationContext context, WaveRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var page = await context.CallUntilDoneAsync<WavePageResult>(nameof(SendWavePage), input);
        var totals = (input.Totals ?? WaveTotals.None).Add(page);
        if (page.NextCursor is null)
        {
            return totals;
        }

        context.ContinueAsNew(input with { Cursor = page.NextCursor, Totals = totals });
        return totals;
    }
}
