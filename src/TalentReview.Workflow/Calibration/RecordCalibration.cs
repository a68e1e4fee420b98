using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Calibration;

/// <summary>
/// Records the committee's approval: the board's cards (moved by the committee, each move audited)
/// become the calibrated result and the board closes. Returns how many cards were moved.
/// </summary>
public sealed class RecordCalibration(ReviewStore store) : TaskActivity<CalibrationApprovedEvent, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, CalibrationApprovedEvent input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var group = await store.UpdateGroupAsync(input.CycleId, input.GroupId, g => g is { Phase: GroupPhase.Calibrating }
            ? g with { Phase = GroupPhase.Approved, ApprovedBy = input.ApprovedBy, ApprovedAt = input.At }
            : g, CancellationToken.None) ?? throw new InvalidOperationException($"Group {input.GroupId} is not stored.");
        var moved = 0;
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            var cards = await store.GetCardsAsync(input.CycleId, input.GroupId, chunk, CancellationToken.None);
            moved += cards?.Cards.Count(c => c.Current != c.Proposed) ?? 0;
        }

        return moved;
    }
}
