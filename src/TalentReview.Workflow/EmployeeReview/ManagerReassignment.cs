using TalentReview.Domain.Planning;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.EmployeeReview;

/// <summary>
/// Moves a review to a new manager: the participant points to them with a fresh manager-input nonce
/// (links issued for the old manager stop working for this report), the new manager's team lists the
/// report, and, while input is pending, the new manager gets an email with their link. Idempotent.
/// </summary>
public sealed class ManagerReassignment(ReviewStore store, IEmailSender email, WorkflowLinks links)
{
    /// <returns>False when there was nothing to move (unknown participant, or already with that manager).</returns>
    public async Task<bool> ApplyAsync(ManagerReassignedEvent change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var cycle = await store.GetCycleAsync(change.CycleId, cancellationToken);
        var participant = await store.GetParticipantAsync(change.CycleId, change.EmployeeId, cancellationToken);

        // The nonce is derived from the change, so a retried activity writes the same one, and a retry after the move was stored
        // (the email failed) finds it and sends the email still due (its key names the change: never twice).
        var nonce = $"r{change.At.UtcTicks:x}";
        if (cycle is null || participant is null || (participant.ManagerId == change.NewManagerId && participant.ManagerInputNonce != nonce))
        {
            return false;
        }

        var team = await store.GetTeamAsync(change.CycleId, change.NewManagerId, cancellationToken);
        Contact manager;
        string? skipLevelId;
        if (team is not null)
        {
            (manager, skipLevelId) = (team.Manager, team.SkipLevelId);
        }
        else if (await store.FindInRosterAsync(cycle, change.NewManagerId, cancellationToken) is { } employee)
        {
            (manager, skipLevelId) = (Contact.Of(employee), employee.ManagerId);
        }
        else
        {
            return false;
        }

        await store.UpdateTeamAsync(change.CycleId, change.NewManagerId, current => current switch
        {
            null => new TeamDocument(change.CycleId, change.NewManagerId, manager, skipLevelId, [change.EmployeeId]),
            _ when current.ReportIds.Contains(change.EmployeeId) => null,
            _ => current with { ReportIds = [.. current.ReportIds, change.EmployeeId] },
        }, cancellationToken);
        var moved = await store.UpdateParticipantAsync(change.CycleId, change.EmployeeId, p => p.ManagerId == change.NewManagerId
            ? null
            : p with { PreviousManagerId = p.ManagerId, ManagerId = change.NewManagerId, SkipLevelId = skipLevelId, ManagerInputNonce = nonce, Escalation = EscalationStage.None }, cancellationToken);

        var schedule = CycleSchedule.From(cycle.Plan);
        if (moved?.ManagerInputState == StepState.Pending && schedule.ManagerInputDueOn(change.At) is { } due)
        {
            var waveId = $"reassign-{change.EmployeeId}-{change.At.UtcTicks:x}";
            var message = Emails.To(change.CycleId, waveId, manager, new ManagerReassigned(links.Team(change.CycleId, change.NewManagerId, schedule.DeadlineEndsAt(StepKind.ManagerInput)), participant.Name, due));
            await email.SendWaveAsync(new EmailWave(change.CycleId, cycle.Name, waveId, [message]), cancellationToken);
        }

        return true;
    }
}
