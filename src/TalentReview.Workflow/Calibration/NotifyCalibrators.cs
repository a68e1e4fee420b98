using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Calibration;

/// <summary>
/// Tells a group's calibrators their board is ready (or, as a reminder, still waiting), and reminds
/// them of the decisions to confirm with a link to the decision confirmation page; once a deadline
/// passed, tells HR. A handful of recipients, so one email call; returns how many were sent.
/// </summary>
public sealed class NotifyCalibrators(ReviewStore store, IEmailSender email, WorkflowLinks links) : TaskActivity<CalibratorNotice, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, CalibratorNotice input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cycle = await store.GetCycleAsync(input.CycleId, CancellationToken.None) ?? throw new InvalidOperationException($"Cycle {input.CycleId} is not stored.");
        var group = await store.GetGroupAsync(input.CycleId, input.GroupId, CancellationToken.None) ?? throw new InvalidOperationException($"Group {input.GroupId} is not stored.");
        var schedule = CycleSchedule.From(cycle.Plan);
        var linkExpiry = schedule.Has(input.Step) ? schedule.DeadlineEndsAt(input.Step) : DateTimeOffset.MaxValue.AddYears(-1);
        var deadline = schedule.Has(input.Step) ? schedule.Step(input.Step).Deadline : DateOnly.MaxValue;
        var recipients = input.ToHr ? cycle.Hr : group.Calibrators;

        // The board opens when input is in or closed: say so when it closed without being complete.
        var missing = input.Step == StepKind.Calibration && !input.Reminder
            ? (await store.GetGroupParticipantsAsync(input.CycleId, input.GroupId, CancellationToken.None)).Values.Count(p => p.ManagerInputState != StepState.Submitted)
            : 0;
        var waveId = $"{input.WaveId}-{input.GroupId}";
        var messages = recipients
            .Select(r => Emails.To(input.CycleId, waveId, r, input.Step == StepKind.Decisions
                ? new DecisionsPending(links.Decisions(input.CycleId, input.GroupId, r.Id, linkExpiry), group.Name, group.Members, deadline, IsOverdue: input.ToHr)
                : new CalibrationReady(links.Board(input.CycleId, input.GroupId, r.Id, linkExpiry), group.Name, group.Members, deadline, input.Reminder, missing, IsOverdue: input.ToHr)))
            .ToList();
        if (messages.Count == 0)
        {
            return 0;
        }

        var result = await email.SendWaveAsync(new EmailWave(input.CycleId, cycle.Name, waveId, messages), CancellationToken.None);
        return result.Sent;
    }
}
