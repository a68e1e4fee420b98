using TalentReview.Domain.Decisions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Calibration;

/// <summary>
/// Makes a group's decisions final and returns the distinct follow-up dates of its development and
/// improvement plans (what the follow-up orchestration waits for).
/// </summary>
public sealed class RecordDecisions(ReviewStore store) : TaskActivity<DecisionsFinalisedEvent, IReadOnlyList<DateOnly>>
{
    public override async Task<IReadOnlyList<DateOnly>> RunAsync(TaskActivityContext context, DecisionsFinalisedEvent input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        var group = await store.GetGroupAsync(input.CycleId, input.GroupId, cancellation) ?? throw new InvalidOperationException($"Group {input.GroupId} is not stored.");
        var dates = new SortedSet<DateOnly>();
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            var decisions = await store.UpdateDecisionsAsync(input.CycleId, input.GroupId, chunk, d => d is { Final: false } ? d with { Final = true } : d, cancellation);
            foreach (var decision in decisions?.Decisions ?? [])
            {
                dates.UnionWith(decision switch
                {
                    DevelopmentPlanDecision plan => plan.FollowUps,
                    PerformanceImprovementPlanDecision plan => plan.FollowUps,
                    _ => [],
                });
            }
        }

        await store.UpdateGroupAsync(input.CycleId, input.GroupId, g => g is null || g.Phase == GroupPhase.DecisionsFinalised
            ? g
            : g with { Phase = GroupPhase.DecisionsFinalised, FinalisedBy = input.FinalisedBy, FinalisedAt = input.At }, cancellation);
        return [.. dates];
    }
}
