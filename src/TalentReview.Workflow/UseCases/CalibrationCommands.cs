using TalentReview.Domain;
using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.UseCases;

/// <summary>What a calibration committee and HR do on a group: move cards, approve, amend and finalise decisions.</summary>
public sealed class CalibrationCommands(ReviewStore store, DurableTaskClient client, TimeProvider time)
{
    /// <summary>Minimum length of the reason a move needs.</summary>
    public const int MinReasonLength = 10;

    /// <summary>The code of the refusal of a move on a board whose calibration was approved.</summary>
    public const string BoardClosedCode = "boardClosed";

    /// <summary>The code of the refusal of a change to decisions that were confirmed.</summary>
    public const string DecisionsClosedCode = "decisionsClosed";

    private static CommandResult DecisionsClosed { get; } = CommandResult.NotAllowed(
        "groupId", DecisionsClosedCode, "The group's decisions were confirmed and are closed; nothing was changed.");

    /// <summary>
    /// Moves a card (also out of the holding area) with a mandatory reason; writes the chunk's positions, one
    /// audit entry and the withdrawal of the approvals so far together. A card leaves the holding area only by a
    /// move or with a proposed placement, which the packet also places it at, so where it stands is where the move
    /// starts from.
    /// </summary>
    public async Task<CommandResult> MoveCardAsync(
        string cycleId, string groupId, string employeeId, GridPosition to, string reason, string movedBy, CancellationToken cancellationToken = default)
    {
        var (group, participant, refusal) = await FindAsync(cycleId, groupId, employeeId, GroupPhase.Calibrating, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length < MinReasonLength)
        {
            return CommandResult.Invalid([new ValidationError(nameof(reason), "reasonRequired", $"Give a reason of at least {MinReasonLength} characters for the move.")]);
        }

        if (TextLimits.Check(nameof(reason), reason.Trim(), TextLimits.Reason) is { } tooLong)
        {
            return CommandResult.Invalid([tooLong]);
        }

        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        if (!IsOnCommittee(group!, cycle, movedBy))
        {
            return CommandResult.NotAllowed(nameof(movedBy), "notACalibrator", "Only the group's committee (its calibrators and HR) can move cards.");
        }

        if ((await ExcludedForAsync(cycle, movedBy, cancellationToken)).Contains(employeeId))
        {
            return OwnReportingLine(nameof(employeeId));
        }

        var now = time.GetUtcNow();
        var onBoard = false;
        CalibrationAdjustment? adjustment = null;
        await store.MoveCardAsync(cycleId, groupId, ReviewStore.ChunkOf(participant!.GroupOrdinal), positions =>
        {
            onBoard = positions.Boxes.TryGetValue(employeeId, out var box);
            var current = CalibrationPositionsDocument.PositionOf(box);
            adjustment = onBoard && current != to ? new CalibrationAdjustment(employeeId, current, to, reason.Trim(), movedBy, now) : null;
            return adjustment is null
                ? null
                : new CalibrationMove(
                    positions with { Boxes = new Dictionary<string, int>(positions.Boxes, StringComparer.Ordinal) { [employeeId] = CalibrationPositionsDocument.BoxOf(to) } },
                    new CalibrationAuditDocument(cycleId, groupId, employeeId, adjustment));
        }, cancellationToken);

        if (!onBoard)
        {
            return CommandResult.NotFound(nameof(employeeId), "This employee has no card on the board yet.");
        }

        return adjustment is null ? CommandResult.Repeated : CommandResult.Done;
    }

    /// <summary>
    /// Records one committee member's approval of the board, once they confirmed it, and closes the
    /// board when the quorum is reached (HR facilitates; calibrators who are not HR are members). A
    /// quorum asks no more facilitators or members than the group has. Refused while cards wait in the
    /// holding area.
    /// </summary>
    public async Task<CommandResult<QuorumProgress>> ApproveCalibrationAsync(
        string cycleId, string groupId, string approvedBy, bool confirmed, CancellationToken cancellationToken = default)
    {
        var group = await store.GetGroupAsync(cycleId, groupId, cancellationToken);
        var cycle = group is null ? null : await store.GetCycleAsync(cycleId, cancellationToken);
        if (group is null || cycle is null)
        {
            return CommandResult<QuorumProgress>.From(CommandResult.NotFound(nameof(groupId), "No such calibration group in this cycle."));
        }

        var quorum = QuorumOf(cycle, group);
        if (group.Phase > GroupPhase.Calibrating)
        {
            return new CommandResult<QuorumProgress>(CommandStatus.AlreadyDone, QuorumProgress.Of(quorum, group.ApprovalsSoFar), []);
        }

        if (group.Phase != GroupPhase.Calibrating)
        {
            return CommandResult<QuorumProgress>.From(CommandResult.NotAllowed(nameof(groupId), "notCalibrating", "The group's board is not open yet."));
        }

        if (!IsOnCommittee(group, cycle, approvedBy))
        {
            return CommandResult<QuorumProgress>.From(CommandResult.NotAllowed(nameof(approvedBy), "notACalibrator", "Only the group's committee (its calibrators and HR) can approve."));
        }

        if (!confirmed)
        {
            return CommandResult<QuorumProgress>.From(CommandResult.Invalid(
                [new ValidationError(nameof(confirmed), "calibration.confirmationRequired", "Confirm that the committee agrees on every placement before approving.")]));
        }

        var undecidable = await DecidedByNobodyHereAsync(cycle, group, cancellationToken);
        var unplaced = 0;
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            unplaced += (await store.GetCardsAsync(cycleId, groupId, chunk, cancellationToken))?.Cards.Count(c => c.InHoldingArea && !undecidable.Contains(c.EmployeeId)) ?? 0;
        }

        if (unplaced > 0)
        {
            return CommandResult<QuorumProgress>.From(CommandResult.NotAllowed("holdingArea", "calibration.unplaced",
                unplaced == 1 ? "1 card is still in the holding area; place it before approving." : $"{unplaced} cards are still in the holding area; place them before approving."));
        }

        var approval = new CommitteeApproval(approvedBy, CalibrationGroupDocument.RoleOf(approvedBy, cycle.Hr), time.GetUtcNow());
        var updated = await store.UpdateGroupAsync(cycleId, groupId, g => g is { Phase: GroupPhase.Calibrating } && g.ApprovalsSoFar.All(a => a.ApproverId != approvedBy)
            ? g with { Approvals = [.. g.ApprovalsSoFar, approval] }
            : g, cancellationToken);
        var progress = QuorumProgress.Of(quorum, updated?.ApprovalsSoFar ?? []);
        if (progress.Reached)
        {
            await client.RaiseEventAsync(
                InstanceIds.Group(cycleId, groupId), WorkflowEvents.CalibrationApproved, new CalibrationApprovedEvent(cycleId, groupId, approvedBy, approval.At), cancellationToken);
        }

        return new CommandResult<QuorumProgress>(CommandStatus.Succeeded, progress, []);
    }

    /// <summary>The quorum the group's plan sets, asking no more facilitators or members than the committee has.</summary>
    public static CommitteeQuorum QuorumOf(CycleDocument cycle, CalibrationGroupDocument group)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(group);
        var planned = cycle.Plan.Groups.FirstOrDefault(g => g.Id == group.GroupId)?.EffectiveQuorum ?? CommitteeQuorum.Default;
        var members = group.Calibrators.Count(c => CalibrationGroupDocument.RoleOf(c.Id, cycle.Hr) == CommitteeRole.Member);
        var facilitators = cycle.Hr.Select(h => h.Id).Union(group.Calibrators.Where(c => CalibrationGroupDocument.RoleOf(c.Id, cycle.Hr) == CommitteeRole.Facilitator).Select(c => c.Id)).Count();
        return new CommitteeQuorum(Math.Min(planned.Facilitators, facilitators), Math.Min(planned.Members, members));
    }

    /// <summary>
    /// Whose cards <paramref name="personId"/> may not see, move or decide on: their own and those of
    /// their managers' chain (from the cycle's roster snapshot). The level above decides on those.
    /// </summary>
    public async Task<IReadOnlySet<string>> ExcludedForAsync(string cycleId, string personId, CancellationToken cancellationToken = default)
        => await ExcludedForAsync(await store.GetCycleAsync(cycleId, cancellationToken), personId, cancellationToken);

    /// <summary>Replaces the proposed decision of one employee (validated against the cycle's decision rules).</summary>
    public async Task<CommandResult> AmendDecisionAsync(string cycleId, string groupId, Decision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var (_, participant, refusal) = await FindAsync(cycleId, groupId, decision.EmployeeId, GroupPhase.DecisionsProposed, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if ((await ExcludedForAsync(cycleId, decision.DecidedBy, cancellationToken)).Contains(decision.EmployeeId))
        {
            return OwnReportingLine("employee");
        }

        var rules = new DecisionRules();
        var input = rules.ConsultsManagerInput(decision) ? (await store.GetManagerInputAsync(cycleId, decision.EmployeeId, cancellationToken))?.Submitted : null;
        var errors = rules.Validate(decision, input);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var closed = false;
        Decision? before = null;
        await store.AmendDecisionAsync(cycleId, groupId, ReviewStore.ChunkOf(participant!.GroupOrdinal), chunk =>
        {
            // Confirmed since the group was read: the chunk is final and stays as confirmed.
            closed = chunk?.Final == true;
            before = chunk is null || closed ? null : chunk.Decisions.FirstOrDefault(d => d.EmployeeId == decision.EmployeeId);
            return before is null
                ? null
                : new DecisionAmendment(
                    chunk! with { Decisions = chunk.Decisions.Select(d => d.EmployeeId == decision.EmployeeId ? decision : d).ToList() },
                    new DecisionAuditDocument(cycleId, groupId, decision.EmployeeId, before, decision, decision.Note ?? string.Empty, decision.DecidedBy, time.GetUtcNow()));
        }, cancellationToken);
        if (closed)
        {
            return DecisionsClosed;
        }

        return before is null ? CommandResult.NotFound(nameof(decision), "No decision was proposed for this employee in this group.") : CommandResult.Done;
    }

    /// <summary>HR or the committee confirms the group's decisions as they stand.</summary>
    public async Task<CommandResult> FinaliseDecisionsAsync(string cycleId, string groupId, string finalisedBy, CancellationToken cancellationToken = default)
    {
        var group = await store.GetGroupAsync(cycleId, groupId, cancellationToken);
        if (group is null)
        {
            return CommandResult.NotFound(nameof(groupId), "No such calibration group in this cycle.");
        }

        if (group.Phase == GroupPhase.DecisionsFinalised)
        {
            return CommandResult.Repeated;
        }

        if (group.Phase != GroupPhase.DecisionsProposed)
        {
            return CommandResult.NotAllowed(nameof(groupId), "noProposals", "Decisions are proposed after the calibration is approved.");
        }

        // Only complete decisions are confirmed: a promotion with its new level and title, a merit with its percentage, a plan with goals and dates.
        var incomplete = new List<ValidationError>();
        var rules = new DecisionRules();
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            foreach (var decision in (await store.GetDecisionsAsync(cycleId, groupId, chunk, cancellationToken))?.Decisions ?? [])
            {
                var input = rules.ConsultsManagerInput(decision) ? (await store.GetManagerInputAsync(cycleId, decision.EmployeeId, cancellationToken))?.Submitted : null;
                incomplete.AddRange(rules.Validate(decision, input).Select(e => e with { Field = $"{decision.EmployeeId}.{e.Field}" }));
            }
        }

        if (incomplete.Count > 0)
        {
            return CommandResult.Invalid(incomplete);
        }

        // Confirming confirms every decision of the group, so nobody confirms a set that holds their own or their managers' decision
        // (unless nobody on the committee may decide that one: it keeps what was proposed).
        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        var undecidable = cycle is null ? new HashSet<string>() : await DecidedByNobodyHereAsync(cycle, group, cancellationToken);
        foreach (var excluded in (await ExcludedForAsync(cycle, finalisedBy, cancellationToken)).Where(id => !undecidable.Contains(id)))
        {
            if ((await store.GetParticipantAsync(cycleId, excluded, cancellationToken))?.GroupId == groupId)
            {
                return CommandResult.NotAllowed(nameof(finalisedBy), "calibration.ownDecision",
                    "Your own decision, or that of someone above you in your reporting line, is among these; another member of the committee or HR confirms them.");
            }
        }

        await client.RaiseEventAsync(
            InstanceIds.Group(cycleId, groupId), WorkflowEvents.DecisionsFinalised, new DecisionsFinalisedEvent(cycleId, groupId, finalisedBy, time.GetUtcNow()), cancellationToken);
        return CommandResult.Done;
    }

    private static CommandResult OwnReportingLine(string field) => CommandResult.NotAllowed(field, "calibration.ownReportingLine",
        "Nobody moves or decides on their own card or that of someone above them in their reporting line; the level above decides on it.");

    private static bool IsOnCommittee(CalibrationGroupDocument group, CycleDocument? cycle, string personId)
        => group.Calibrators.Any(c => c.Id == personId) || cycle?.Hr.Any(h => h.Id == personId) == true;

    /// <summary>
    /// Whom nobody on the committee may decide: someone above every member's reporting line (the head of the
    /// organisation, with only people below her on the committee). Such a card stays where it is, unplaced
    /// meaning no change, and holds up neither the approval nor the confirmation.
    /// </summary>
    private async Task<IReadOnlySet<string>> DecidedByNobodyHereAsync(CycleDocument cycle, CalibrationGroupDocument group, CancellationToken cancellationToken)
    {
        HashSet<string>? nobody = null;
        foreach (var member in group.Calibrators.Select(c => c.Id).Concat(cycle.Hr.Select(h => h.Id)).Distinct(StringComparer.Ordinal))
        {
            var excluded = await ExcludedForAsync(cycle, member, cancellationToken);
            if (nobody is null)
            {
                nobody = new HashSet<string>(excluded, StringComparer.Ordinal);
            }
            else
            {
                nobody.IntersectWith(excluded);
            }
        }

        return nobody ?? [];
    }

    private async Task<IReadOnlySet<string>> ExcludedForAsync(CycleDocument? cycle, string personId, CancellationToken cancellationToken)
        => cycle is null
            ? new HashSet<string>(StringComparer.Ordinal) { personId }
            : await ReportingLine.UpwardAsync(personId, id => store.CurrentManagerIdAsync(cycle, id, cancellationToken));

    private async Task<(CalibrationGroupDocument? Group, ParticipantDocument? Participant, CommandResult? Refusal)> FindAsync(
        string cycleId, string groupId, string employeeId, GroupPhase phase, CancellationToken cancellationToken)
    {
        var group = await store.GetGroupAsync(cycleId, groupId, cancellationToken);
        var participant = group is null ? null : await store.GetParticipantAsync(cycleId, employeeId, cancellationToken);
        if (group is null || participant is null || participant.GroupId != groupId)
        {
            return (null, null, CommandResult.NotFound(nameof(employeeId), "No such employee in this calibration group."));
        }

        return group.Phase == phase ? (group, participant, null)
            : group.Phase > phase ? (group, participant, ClosedAfter(phase))
            : (group, participant, CommandResult.NotAllowed(nameof(groupId), "notOpenYet", $"The group is {group.Phase}; this is possible once it is {phase}."));
    }

    /// <summary>The refusal of a write to a phase the group has left: it says the board or decisions are closed.</summary>
    private static CommandResult ClosedAfter(GroupPhase phase) => phase == GroupPhase.Calibrating
        ? CommandResult.NotAllowed("groupId", BoardClosedCode, "The calibration was approved and the board is closed; nothing was moved.")
        : DecisionsClosed;
}
