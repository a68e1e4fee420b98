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
    /// Moves a card (also out of the holding area) with a mandatory reason; writes the chunk's positions
    /// and one audit entry. A card leaves the holding area only by a move or with a proposed placement,
    /// which the packet also places it at, so where it stands is where the move starts from.
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

        if (!group!.Calibrators.Any(c => c.Id == movedBy))
        {
            return CommandResult.NotAllowed(nameof(movedBy), "notACalibrator", "Only the group's calibrators can move cards.");
        }

        var now = time.GetUtcNow();
        var onBoard = false;
        CalibrationAdjustment? adjustment = null;
        await store.UpdatePositionsAsync(cycleId, groupId, ReviewStore.ChunkOf(participant!.GroupOrdinal), positions =>
        {
            onBoard = positions.Boxes.TryGetValue(employeeId, out var box);
            var current = CalibrationPositionsDocument.PositionOf(box);
            adjustment = onBoard && current != to ? new CalibrationAdjustment(employeeId, current ?? to, to, reason.Trim(), movedBy, now) : null;
            return adjustment is null
                ? null
                : positions with { Boxes = new Dictionary<string, int>(positions.Boxes, StringComparer.Ordinal) { [employeeId] = CalibrationPositionsDocument.BoxOf(to) } };
        }, cancellationToken);

        if (!onBoard)
        {
            return CommandResult.NotFound(nameof(employeeId), "This employee has no card on the board yet.");
        }

        if (adjustment is null)
        {
            return CommandResult.Repeated;
        }

        await store.AddAuditAsync(new CalibrationAuditDocument(cycleId, groupId, employeeId, adjustment), cancellationToken);
        return CommandResult.Done;
    }

    public async Task<CommandResult> ApproveCalibrationAsync(string cycleId, string groupId, string approvedBy, CancellationToken cancellationToken = default)
    {
        var group = await store.GetGroupAsync(cycleId, groupId, cancellationToken);
        if (group is null)
        {
            return CommandResult.NotFound(nameof(groupId), "No such calibration group in this cycle.");
        }

        if (group.Phase > GroupPhase.Calibrating)
        {
            return CommandResult.Repeated;
        }

        if (group.Phase != GroupPhase.Calibrating)
        {
            return CommandResult.NotAllowed(nameof(groupId), "notCalibrating", "The group's board is not open yet.");
        }

        if (!group.Calibrators.Any(c => c.Id == approvedBy))
        {
            return CommandResult.NotAllowed(nameof(approvedBy), "notACalibrator", "Only the group's calibrators can approve.");
        }

        await client.RaiseEventAsync(
            InstanceIds.Group(cycleId, groupId), WorkflowEvents.CalibrationApproved, new CalibrationApprovedEvent(cycleId, groupId, approvedBy, time.GetUtcNow()), cancellationToken);
        return CommandResult.Done;
    }

    /// <summary>Replaces the proposed decision of one employee (validated against the cycle's decision rules).</summary>
    public async Task<CommandResult> AmendDecisionAsync(string cycleId, string groupId, Decision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var (_, participant, refusal) = await FindAsync(cycleId, groupId, decision.EmployeeId, GroupPhase.DecisionsProposed, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var input = (await store.GetManagerInputAsync(cycleId, decision.EmployeeId, cancellationToken))?.Submitted;
        var errors = new DecisionRules().Validate(decision, input);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var closed = false;
        await store.UpdateDecisionsAsync(cycleId, groupId, ReviewStore.ChunkOf(participant!.GroupOrdinal), chunk =>
        {
            // Confirmed since the group was read: the chunk is final and stays as confirmed.
            closed = chunk?.Final == true;
            return chunk is null || chunk.Final
                ? null
                : chunk with { Decisions = chunk.Decisions.Select(d => d.EmployeeId == decision.EmployeeId ? decision : d).ToList() };
        }, cancellationToken);
        return closed ? DecisionsClosed : CommandResult.Done;
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

        await client.RaiseEventAsync(
            InstanceIds.Group(cycleId, groupId), WorkflowEvents.DecisionsFinalised, new DecisionsFinalisedEvent(cycleId, groupId, finalisedBy, time.GetUtcNow()), cancellationToken);
        return CommandResult.Done;
    }

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
