using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;
using NotificationLevel = TalentReview.Workflow.Notifications.EscalationLevel;

namespace TalentReview.Workflow.Cycle;

/// <summary>
/// The last escalation: every review still without manager input is escalated to HR (so HR may
/// give it), and each HR contact gets one notice naming the overdue managers and reports (lists
/// capped for the email; the HR page has them all). Returns how many reviews were escalated.
/// </summary>
public sealed class EscalateToHr(ReviewStore store, IEmailSender email, WorkflowLinks links, TimeProvider time) : TaskActivity<string, int>
{
    public const int MaxNamesInEmail = 100;

    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellation = CancellationToken.None;
        var cycle = await store.GetCycleAsync(input, cancellation) ?? throw new InvalidOperationException($"Cycle {input} is not stored.");
        var managerNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var reportNames = new List<string>();
        var escalated = 0;
        string? after = null;
        do
        {
            var page = await store.QueryParticipantsAsync(input, new ParticipantFilter(ManagerInput: StepState.Pending), after, 200, cancellation);
            foreach (var participant in page.Items.Select(i => i.Value))
            {
                escalated++;
                await store.UpdateParticipantAsync(input, participant.EmployeeId, p => p.Escalation < EscalationStage.HumanResources ? p with { Escalation = EscalationStage.HumanResources } : null, cancellation);
                if (reportNames.Count < MaxNamesInEmail)
                {
                    reportNames.Add(participant.Name);
                }

                if (participant.ManagerId is { } managerId && managerNames.Count < MaxNamesInEmail && !managerNames.ContainsKey(managerId))
                {
                    managerNames[managerId] = (await store.GetTeamAsync(input, managerId, cancellation))?.Manager.Name ?? managerId;
                }
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        if (escalated == 0)
        {
            return 0;
        }

        var schedule = CycleSchedule.From(cycle.Plan);
        if (schedule.ManagerInputDueOn(time.GetUtcNow()) is not { } due)
        {
            return escalated;
        }

        var waveId = $"mi-escalate-hr-{cycle.Plan.Step(StepKind.ManagerInput)!.Deadline:yyyyMMdd}";
        var messages = cycle.Hr.Select(hr => Emails.To(input, waveId, hr, new EscalationNotice(
            links.Escalation(input, input, hr.Id, schedule.DeadlineEndsAt(StepKind.ManagerInput)), NotificationLevel.HumanResources, string.Join(", ", managerNames.Values), reportNames, due))).ToList();
        await email.SendWaveAsync(new EmailWave(input, cycle.Name, waveId, messages), cancellation);
        return escalated;
    }
}
