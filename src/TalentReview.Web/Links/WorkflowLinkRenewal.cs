using System.Globalization;
using TalentReview.Domain.Planning;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Links;

/// <summary>
/// Re-sends the link of a step that is still open for its recipient (a self-assessment or a team's
/// input after a deadline extension); other steps are closed by the time their links expire, so the
/// page points to HR instead. One email per request, keyed by the time it was asked for.
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

        if (message is not null)
        {
            await email.SendWaveAsync(new EmailWave(cycle.CycleId, cycle.Name, wave, [message]), cancellationToken);
        }
    }

    private static EmailMessage Message(string cycleId, string wave, Contact to, EmailContent content)
        => new(new EmailRecipient(to.Id, to.Email, to.Name, to.Language), content)
        {
            DedupeKey = EmailMessage.CreateDedupeKey(cycleId, to.Id, content.Kind, wave),
        };
}
