using Microsoft.DurableTask.Client;
using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.UseCases;

/// <summary>
/// HR's release gate, once every group's decisions are final: to managers first (their team's outcomes,
/// the leadership summary to leadership), then to employees by themselves when the plan's conversation window
/// ends, or earlier on HR's second action. Each records HR's request, then tells the cycle, which sends each wave once.
/// </summary>
public sealed class ReleaseCommands(ReviewStore store, DurableTaskClient client, TimeProvider time)
{
    public const string NotFinalCode = "decisionsNotFinal";

    public async Task<CommandResult> ReleaseToManagersAsync(string cycleId, string releasedBy, CancellationToken cancellationToken = default)
    {
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return CommandResult.NotFound(nameof(cycleId), "No such cycle.");
        }

        if (cycle.State == CycleState.Cancelled)
        {
            return CommandResult.NotAllowed(nameof(cycleId), "cycleCancelled", "The cycle was cancelled; nothing is released.");
        }

        if (cycle.State is CycleState.ManagersReleased or CycleState.Released)
        {
            return CommandResult.Repeated;
        }

        var (groups, pending) = await GroupsNotFinalAsync(cycleId, cancellationToken);
        if (cycle.State != CycleState.Running || groups == 0)
        {
            return CommandResult.NotAllowed(nameof(cycleId), NotFinalCode, "The cycle has no calibrated groups yet: nothing can be released before calibration and decisions.");
        }

        if (pending.Count > 0)
        {
            return CommandResult.NotAllowed(nameof(cycleId), NotFinalCode, $"The decisions are not final yet for: {string.Join(", ", pending)}. Release once every group has confirmed its decisions.");
        }

        var now = time.GetUtcNow();
        var employeesAt = ConversationWindow.EmployeesReleaseAt(cycle.Plan.Time, now, cycle.Plan.Release.ConversationWorkingDays);

        // A repeat after a lost answer keeps the first request and tells the cycle again (it takes the first event only).
        var recorded = await store.UpdateCycleAsync(cycleId, c => c.Release is null ? c with { Release = new CycleRelease(releasedBy, now, employeesAt) } : c, cancellationToken);
        var release = recorded!.Release!;
        await client.RaiseEventAsync(InstanceIds.Cycle(cycle), WorkflowEvents.ReleasedToManagers,
            new ReleasedToManagersEvent(cycleId, release.ManagersReleasedBy, release.ManagersReleasedAt, release.EmployeesDueAt, release.EmployeesOnReleaseDate), cancellationToken);
        return cycle.Release is null ? CommandResult.Done : CommandResult.Repeated;
    }

    public async Task<CommandResult> ReleaseToEmployeesAsync(string cycleId, string releasedBy, CancellationToken cancellationToken = default)
    {
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return CommandResult.NotFound(nameof(cycleId), "No such cycle.");
        }

        if (cycle.State == CycleState.Released)
        {
            return CommandResult.Repeated;
        }

        if (cycle.State == CycleState.Cancelled)
        {
            return CommandResult.NotAllowed(nameof(cycleId), "cycleCancelled", "The cycle was cancelled; nothing is released.");
        }

        if (cycle.Release is null)
        {
            return CommandResult.NotAllowed(nameof(cycleId), "managersFirst", "Release to managers first: they hold the conversation before their reports see their outcome.");
        }

        await client.RaiseEventAsync(InstanceIds.Cycle(cycle), WorkflowEvents.ReleasedToEmployees, new ReleasedToEmployeesEvent(cycleId, releasedBy, time.GetUtcNow()), cancellationToken);
        return CommandResult.Done;
    }

    /// <summary>How many groups the cycle has, and the names of those whose decisions are not final, in the store's order.</summary>
    private async Task<(int Groups, List<string> NotFinal)> GroupsNotFinalAsync(string cycleId, CancellationToken cancellationToken)
    {
        var (groups, pending) = (0, new List<string>());
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(cycleId, after, 200, cancellationToken);
            groups += page.Items.Count;
            pending.AddRange(page.Items.Select(i => i.Value).Where(g => g.Phase != GroupPhase.DecisionsFinalised).Select(g => g.Name));
            after = page.NextAfterId;
        }
        while (after is not null);
        return (groups, pending);
    }
}
