using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Resilience;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.UseCases;

/// <summary>
/// A cycle's status for HR. <see cref="Live"/> is read from the store (right at every moment of the cycle);
/// <see cref="Progress"/> and <see cref="Groups"/> are what the orchestrations report of their timeline and
/// calibration (groups report only once calibration opened). <see cref="State"/> is never Running for a cycle
/// that cannot go on: Stalled (with <see cref="Stall"/>, the first of <see cref="Stalls"/>: the cycle's own step, or a
/// calibration group's, named), Failed, or NotStarted (its workflow is missing).
/// <see cref="Undeliverable"/> lists the people whose emails the provider refused (the cycle went on without them).
/// <see cref="Recoveries"/> is the audit of HR's resumes and cancels of a failed workflow.
/// </summary>
public sealed record CycleStatusView(
    string CycleId,
    string Name,
    CycleState State,
    DateTimeOffset LaunchedAt,
    int RosterCount,
    CycleProgress? Progress,
    IReadOnlyList<GroupProgress> Groups,
    LiveProgress Live,
    ReleaseGate Release,
    CycleStall? Stall = null,
    IReadOnlyList<DeliveryProblemDocument>? Undeliverable = null,
    IReadOnlyList<CycleStall>? Stalls = null,
    IReadOnlyList<WorkflowRecovery>? Recoveries = null)
{
    /// <summary>HR can ask it to go on: retry a stalled step, start a workflow that is missing, or a fresh one for a failed workflow.</summary>
    public bool CanResume => State is CycleState.Stalled or CycleState.NotStarted or CycleState.Failed;

    public int ReadyForCalibration => Groups.Sum(g => g.Ready);

    public int SelfAssessmentsSubmitted => Live.SelfAssessment.Submitted;

    public int ManagerInputsSubmitted => Live.ManagerInput.Submitted;
}

/// <summary>
/// Where the release stands for HR: the plan's release date, how many groups the cycle has and those whose decisions are not final yet
/// (by name: nothing may be released while there are any), HR's release so far, and, once employees have
/// their outcome, the acknowledgements that came with a comment (for HR to read).
/// </summary>
/// <summary>
/// What HR needs to release: the groups not final yet, what went out, the employees' comments, the conversation
/// window and when employees receive their outcome by themselves; <see cref="Time"/> dates them as the organisation reads them.
/// </summary>
public sealed record ReleaseGate(
    DateOnly ReleaseDate,
    int Groups,
    IReadOnlyList<string> GroupsNotFinal,
    CycleRelease? Release,
    IReadOnlyList<AcknowledgementDocument> Comments,
    OrganisationTime Time,
    int ConversationWorkingDays,
    DateTimeOffset? EmployeesDueAt);

public sealed record CycleListPage(IReadOnlyList<CycleIndexDocument> Cycles, string? NextAfterId);

public sealed class CycleQueries(ReviewStore store, DurableTaskClient client, TimeProvider time)
{
    public async Task<CycleStatusView?> GetCycleStatusAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        // Durable Functions returns custom status only with inputs and outputs.
        var instance = await client.GetInstanceAsync(InstanceIds.Cycle(cycle), getInputsAndOutputs: true, cancellationToken);
        var groups = new List<GroupProgress>();
        var groupDocuments = new List<CalibrationGroupDocument>();
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(cycleId, after, 200, cancellationToken);
            foreach (var group in page.Items.Select(i => i.Value))
            {
                groupDocuments.Add(group);
                var groupInstance = await client.GetInstanceAsync(InstanceIds.Group(cycleId, group.GroupId), getInputsAndOutputs: true, cancellationToken);
                groups.Add(groupInstance?.ReadCustomStatusAs<GroupProgress>() is { } progress
                    ? progress with { Phase = group.Phase, Overdue = group.Overdue }
                    : new GroupProgress(group.GroupId, group.Phase, group.Members, 0, 0, 0, 0, group.Overdue));
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        var live = await ReadLiveProgressAsync(cycle, groupDocuments, cancellationToken);
        var (state, stall) = StateOf(cycle, instance);
        var undeliverable = await store.GetDeliveryProblemsAsync(cycleId, cancellationToken);
        var release = new ReleaseGate(
            cycle.Plan.Release.ReleaseDate,
            groupDocuments.Count,
            [.. groupDocuments.Where(g => g.Phase != GroupPhase.DecisionsFinalised).Select(g => g.Name)],
            cycle.Release,
            cycle.State == CycleState.Released ? await ReadCommentsAsync(cycleId, cancellationToken) : [],
            cycle.Plan.Time,
            cycle.Plan.Release.ConversationWorkingDays,
            cycle.Release?.EmployeesDue(cycle.Plan));
        return new CycleStatusView(
            cycle.CycleId, cycle.Name, state, cycle.LaunchedAt, cycle.RosterCount, instance?.ReadCustomStatusAs<CycleProgress>(), groups, live, release, stall, undeliverable,
            state == CycleState.Stalled ? CycleStalls.Of(cycle) : [],
            cycle.Recoveries ?? []);
    }

    /// <summary>The stored state, unless the workflow says the cycle cannot go on.</summary>
    internal static (CycleState State, CycleStall? Stall) StateOf(CycleDocument cycle, OrchestrationMetadata? instance)
    {
        if (instance?.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            return (CycleState.Failed, new CycleStall(cycle.Stall?.Step ?? "workflow", FailureOf(instance), instance.LastUpdatedAt));
        }

        if (CycleStalls.Of(cycle) is [var stall, ..])
        {
            return (CycleState.Stalled, stall);
        }

        return instance is null && cycle.State is CycleState.Launched or CycleState.Running ? (CycleState.NotStarted, null) : (cycle.State, null);
    }

    /// <summary>Why a workflow failed, as HR reads it and as HR's recovery records it.</summary>
    internal static string FailureOf(OrchestrationMetadata instance)
        => instance.FailureDetails is { } failure ? $"{failure.ErrorType}: {failure.ErrorMessage}" : "The workflow failed.";

    private async Task<IReadOnlyList<AcknowledgementDocument>> ReadCommentsAsync(string cycleId, CancellationToken cancellationToken)
    {
        var comments = new List<AcknowledgementDocument>();
        string? after = null;
        do
        {
            var page = await store.QueryAcknowledgementsAsync(cycleId, after, 500, cancellationToken);
            comments.AddRange(page.Items.Select(i => i.Value).Where(a => a.Comment is not null));
            after = page.NextAfterId;
        }
        while (after is not null);
        return [.. comments.OrderBy(a => a.AcknowledgedAt).ThenBy(a => a.EmployeeId, StringComparer.Ordinal)];
    }

    private async Task<LiveProgress> ReadLiveProgressAsync(CycleDocument cycle, IReadOnlyList<CalibrationGroupDocument> groups, CancellationToken cancellationToken)
    {
        var participants = new List<ParticipantDocument>(cycle.RosterCount);
        string? after = null;
        do
        {
            var page = await store.QueryParticipantsAsync(cycle.CycleId, ParticipantFilter.All, after, 500, cancellationToken);
            participants.AddRange(page.Items.Select(i => i.Value));
            after = page.NextAfterId;
        }
        while (after is not null);

        var managerNames = new Dictionary<string, string>(StringComparer.Ordinal);
        do
        {
            var page = await store.QueryTeamsAsync(cycle.CycleId, after, 500, cancellationToken);
            foreach (var team in page.Items.Select(i => i.Value))
            {
                managerNames[team.ManagerId] = team.Manager.Name;
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        // A report moved to a manager without a team of their own: their name is on the roster or among the participants.
        foreach (var participant in participants)
        {
            managerNames.TryAdd(participant.EmployeeId, participant.Name);
        }

        foreach (var managerId in participants.Select(p => p.ManagerId).OfType<string>().Where(id => !managerNames.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList())
        {
            if (await store.FindInRosterAsync(cycle, managerId, cancellationToken) is { } manager)
            {
                managerNames[managerId] = manager.Name;
            }
        }

        return LiveProgress.Compute(cycle, participants, groups, managerNames, time.GetUtcNow(), await store.GetNudgesAsync(cycle.CycleId, cancellationToken));
    }

    public async Task<CycleListPage> ListCyclesAsync(string? afterId = null, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        var page = await store.ListCyclesAsync(afterId, Math.Clamp(pageSize, 1, 500), cancellationToken);
        var cycles = new List<CycleIndexDocument>(page.Items.Count);
        foreach (var entry in page.Items.Select(i => i.Value))
        {
            cycles.Add(await WithWorkflowStateAsync(entry, cancellationToken));
        }

        return new CycleListPage(cycles, page.NextAfterId);
    }

    /// <summary>
    /// The list reads the stored state, which knows a stall but not a failed workflow: a cycle still going on as stored is checked
    /// against its workflow, so the list never says Running for a cycle whose workflow failed.
    /// </summary>
    private async Task<CycleIndexDocument> WithWorkflowStateAsync(CycleIndexDocument entry, CancellationToken cancellationToken)
    {
        if (entry.State is not (CycleState.Launched or CycleState.Running or CycleState.ManagersReleased) || await store.GetCycleAsync(entry.CycleId, cancellationToken) is not { } cycle)
        {
            return entry;
        }

        var instance = await client.GetInstanceAsync(InstanceIds.Cycle(cycle), cancellationToken);
        return instance?.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? entry with { State = CycleState.Failed } : entry;
    }
}
