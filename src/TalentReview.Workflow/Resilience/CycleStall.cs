using Microsoft.DurableTask;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Resilience;

/// <summary>A cycle that cannot go on: at which step, why (the failure's type and message), and since when.</summary>
public sealed record CycleStall(string Step, string Reason, DateTimeOffset Since);

/// <param name="Stall">The stall to show HR, or null once HR asked to retry.</param>
public sealed record StallReport(string CycleId, CycleStall? Stall);

/// <summary>HR asked a stalled cycle to try its step again (after fixing the cause).</summary>
public sealed record RetryRequestedEvent(string CycleId, string RequestedBy, DateTimeOffset At);

/// <summary>Writes (or clears) the stall on the cycle, where the HR page and the HR API read it. Idempotent.</summary>
public sealed class RecordStall(ReviewStore store) : TaskActivity<StallReport, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StallReport input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await store.UpdateCycleAsync(input.CycleId, c => c with { Stall = input.Stall }, CancellationToken.None) is not null;
    }
}
