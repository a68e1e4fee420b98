using System.Globalization;
using TalentReview.Domain.Planning;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Links;

/// <summary>
/// Re-sends the link of a step that is still open for its recipient: a self-assessment or a team's
/// input after a deadline extension, and a calibration board or decisions page whose group still
/// waits for its committee (an overdue board outlives its links). Other steps are closed by the time
/// their links expire, so the page points to HR instead. One email per request, keyed by the time it
/// was asked for; the endpoint limits requests per link and per recipient.
/// </summary>
internal sealed class WorkflowLinkRenewal(ReviewStore store, WorkflowLinks links, IEmailSender email, TimeProvider time) : ILinkRenewal
{
    public async Task RequestNewLinkAsync(LinkClaims expired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expired);
        var cycle = await store.GetCycleAsync(expired.CycleId, cancellationToken);
        if (cycle is null || cycle.State is CycleState.Cancelled or CycleState.Released)
        {
            return;
        }

        var schedule = CycleSchedule.From(cycle.Plan);
        var wave = string.Create(CultureInfo.InvariantCulture, $"renew-{time.GetUtcNow().UtcTicks:x}");
        EmailMessage? message = null;
        if (expired.Step == LinkStep.SelfAssessment && schedule.Has(StepKind.SelfAssessment)
            && await store.GetParticipantAsync(cycle.CycleId, expired.SubjectId, cancellationToken) is { SelfAssessmentState: StepState.Pending } participant
            && participant.SelfAssessmentNonce == expired.Nonce)
        {
            var deadline = schedule.Step(StepKind.SelfAssessment).Deadline;
            message = schedule.DateOf(time.GetUtcNow()) > deadline
                ? null
                : Message(cycle.CycleId, wave, participant.Contact, new SelfAssessmentInvitation(links.SelfAssessment(participant, schedule.DeadlineEndsAt(StepKind.SelfAssessment)), deadline));
        }
        else if (expired.Step == LinkStep.ManagerInput && expired.Nonce == WorkflowLinks.TeamNonce && schedule.Has(StepKind.ManagerInput)
            && await store.GetTeamAsync(cycle.CycleId, expired.RecipientId, cancellationToken) is { } team)
        {
            var pending = await store.QueryParticipantsAsync(cycle.CycleId, new ParticipantFilter(ManagerId: team.ManagerId, ManagerInput: StepState.Pending), null, 200, cancellationToken);
            if (pending.Items.Count > 0 && schedule.ManagerInputDueOn(time.GetUtcNow()) is { } due)
            {
                message = Message(cycle.CycleId, wave, team.Manager, new ManagerDigest(
                    links.Team(cycle.CycleId, team.ManagerId, schedule.DeadlineEndsAt(StepKind.ManagerInput)), due, pending.Items.Select(i => i.Value.Name).ToList(), IsReminder: true));
            }
        }

        else if (expired.Step is LinkStep.CalibrationBoard or LinkStep.DecisionConfirmation
            && await store.GetGroupAsync(cycle.CycleId, expired.SubjectId, cancellationToken) is { } group)
        {
            message = GroupLinkMessage(cycle, schedule, group, expired, wave);
        }

        if (message is not null)
        {
            await email.SendWaveAsync(new EmailWave(cycle.CycleId, cycle.Name, wave, [message]), cancellationToken);
        }
    }

    /// <summary>
    /// A board link while the board or its decisions still wait, a decisions link while the decisions do,
    /// to the same calibrator (or HR) and only under the link's current nonce. The new link counts from
    /// now when the deadline is long past, or it would be born expired.
    /// </summary>
    private EmailMessage? GroupLinkMessage(CycleDocument cycle, CycleSchedule schedule, CalibrationGroupDocument group, LinkClaims expired, string wave)
    {
        var board = expired.Step == LinkStep.CalibrationBoard;
        var step = board ? StepKind.Calibration : StepKind.Decisions;
        var open = board
            ? expired.Nonce == WorkflowLinks.BoardNonce && group.Phase is GroupPhase.Calibrating or GroupPhase.DecisionsProposed
            : expired.Nonce == WorkflowLinks.DecisionsNonce && group.Phase == GroupPhase.DecisionsProposed;
        var recipient = group.Calibrators.Concat(cycle.Hr).FirstOrDefault(c => c.Id == expired.RecipientId);
        if (!open || recipient is null || !schedule.Has(step))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var deadline = schedule.Step(step).Deadline;
        var validFrom = schedule.DeadlineEndsAt(step) > now ? schedule.DeadlineEndsAt(step) : now;
        EmailContent content = board
            ? new CalibrationReady(links.Board(cycle.CycleId, group.GroupId, recipient.Id, validFrom), group.Name, group.Members, deadline, IsReminder: true)
            : new DecisionsPending(links.Decisions(cycle.CycleId, group.GroupId, recipient.Id, validFrom), group.Name, group.Members, deadline, schedule.DateOf(now) > deadline);
        return Message(cycle.CycleId, wave, recipient, content);
    }

    private static EmailMessage Message(string cycleId, string wave, Contact to, EmailContent content)
        => new(new EmailRecipient(to.Id, to.Email, to.Name, to.Language), content)
        {
            DedupeKey = EmailMessage.CreateDedupeKey(cycleId, to.Id, content.Kind, wave),
        };
}
