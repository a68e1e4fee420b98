using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Calibration;

/// <summary>
/// Proposes each member's decision from their calibrated box (the domain's default per box; no
/// change for a card left in the holding area), in decision chunks aligned with the card chunks.
/// Proposals carry no note; the decisions page says where they come from in the reader's language.
/// Existing proposals (a retried activity, or amendments already made) are kept.
/// </summary>
public sealed class ProposeDecisions(ReviewStore store, TimeProvider time) : TaskActivity<GroupRef, int>
{
    public const string ProposedBy = "system";

    public override async Task<int> RunAsync(TaskActivityContext context, GroupRef input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        var group = await store.GetGroupAsync(input.CycleId, input.GroupId, cancellation) ?? throw new InvalidOperationException($"Group {input.GroupId} is not stored.");
        var rules = new DecisionRules();
        var cycle = await store.GetCycleAsync(input.CycleId, cancellation) ?? throw new InvalidOperationException($"Cycle {input.CycleId} is not stored.");
        // The day in the organisation's zone: at 23:30 UTC it is already tomorrow in Brussels.
        var today = cycle.Plan.Time.DateOf(time.GetUtcNow());
        var proposed = 0;
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            if (await store.GetDecisionsAsync(input.CycleId, input.GroupId, chunk, cancellation) is { } existing)
            {
                proposed += existing.Decisions.Count;
                continue;
            }

            var cards = await store.GetCardsAsync(input.CycleId, input.GroupId, chunk, cancellation);
            var decisions = new List<Decision>();
            foreach (var card in cards?.Cards ?? [])
            {
                decisions.Add(card.Current is { } position
                    ? rules.Propose(card.EmployeeId, position.Box, await ReadinessInputAsync(input.CycleId, card.EmployeeId, position.Box, cancellation), today, ProposedBy)
                    : new NoChangeDecision(card.EmployeeId, today, ProposedBy));
            }

            await store.UpsertDecisionsAsync(new DecisionChunkDocument(input.CycleId, input.GroupId, chunk, false, decisions), cancellation);
            proposed += decisions.Count;
        }

        await store.UpdateGroupAsync(input.CycleId, input.GroupId, g => g is { Phase: GroupPhase.Approved } ? g with { Phase = GroupPhase.DecisionsProposed } : g, cancellation);
        return proposed;
    }

    /// <summary>
    /// Only a star's proposal (promotion readiness) and a low box's (the manager's recommendation: an
    /// improvement plan only where recommended) depend on the manager's input, so only those are read.
    /// </summary>
    private async Task<ManagerInput?> ReadinessInputAsync(string cycleId, string employeeId, GridBox box, CancellationToken cancellation)
        => box is GridBox.Star or GridBox.TalentRisk or GridBox.Dilemma ? (await store.GetManagerInputAsync(cycleId, employeeId, cancellation))?.Submitted : null;
}
