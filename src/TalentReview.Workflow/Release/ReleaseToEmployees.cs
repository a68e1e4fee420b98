using Microsoft.DurableTask;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Release;

/// <summary>
/// Marks the cycle released to employees (they may now open and acknowledge their outcome), after the
/// managers; records who released it and when (HR, or the end of the conversation window). Idempotent.
/// </summary>
public sealed class ReleaseToEmployees(ReviewStore store) : TaskActivity<ReleasedToEmployeesEvent, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, ReleasedToEmployeesEvent input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cycle = await store.UpdateCycleAsync(input.CycleId, c => c is { State: CycleState.ManagersReleased, Release: { } release }
            ? c with { State = CycleState.Released, Release = release with { EmployeesReleasedBy = input.ReleasedBy, EmployeesReleasedAt = input.At } }
            : c, CancellationToken.None) ?? throw new InvalidOperationException($"Cycle {input.CycleId} is not stored.");
        return cycle.State == CycleState.Released;
    }
}
