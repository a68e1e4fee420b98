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
/// them of the decisions to confirm with a link to the decision confirmation page. Once the calibration
/// deadline passed without approval, tells the committee, then HR, then leadership, and marks the board
/// overdue (how far it was escalated); once the decisions deadline passed, tells HR. A handful of
/// recipients, so one email call; returns how many were sent.
/// </summary>
public sealed class NotifyCalibrators(ReviewStore store, IEmailSender email, WorkflowLinks links, TimeProvider time) : TaskActivity<CalibratorNotice, int>
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
        var boardOverdue = input.Step == StepKind.Calibration && input.Overdue != OverdueStage.None;
        if (boardOverdue)
        {
            // Marked before the emails, so a retry after a failed send still shows the board overdue; never lowered by a late retry.
            group = await store.UpdateGroupAsync(input.CycleId, input.GroupId, g => g is { Phase: GroupPhase.Calibrating } && (g.Overdue is null || g.Overdue.Deadline != deadline || g.Overdue.Stage < input.Overdue)
                ? g with { Overdue = new BoardOverdue(deadline, input.Overdue, time.GetUtcNow()) }
                : g, CancellationToken.None) ?? group;
            if (group.Phase != GroupPhase.Calibrating)
            {
                return 0;
            }
        }

        var recipients = input.Overdue switch
        {
            OverdueStage.Hr => cycle.Hr,
            OverdueStage.Leadership => cycle.Leadership,
            _ => group.Calibrators,
        };

        // The board opens when input is in or closed: say so when it closed without being complete.
        var missing = input.Step == StepKind.Calibration && !input.Reminder
            ? (await store.GetGroupParticipantsAsync(input.CycleId, input.GroupId, CancellationToken.None)).Values.Count(p => p.ManagerInputState is StepState.Pending or StepState.Missing)
            : 0;
        var waveId = $"{input.WaveId}-{input.GroupId}";
        var messages = recipients
            .Select(r => Emails.To(input.CycleId, waveId, r, Content(input, group, r, new NoticeDates(deadline, linkExpiry), missing)))
            .ToList();
        if (messages.Count == 0)
        {
            return 0;
        }

        var result = await email.SendWaveAsync(new EmailWave(input.CycleId, cycle.Name, waveId, messages), CancellationToken.None);
        return result.Sent;
    }

    private EmailContent Content(CalibratorNotice input, CalibrationGroupDocument group, Contact recipient, NoticeDates dates, int missing)
    {
        if (input.Step == StepKind.Decisions)
        {
            var overdue = input.Overdue != OverdueStage.None;
            return new DecisionsPending(links.Decisions(input.CycleId, input.GroupId, recipient.Id, dates.LinkExpiry), group.Name, group.Members, dates.Deadline, overdue);
        }

        if (input.Overdue == OverdueStage.None)
        {
            return new CalibrationReady(links.Board(input.CycleId, input.GroupId, recipient.Id, dates.LinkExpiry), group.Name, group.Members, dates.Deadline, input.Reminder, missing);
        }

        var board = input.Overdue == OverdueStage.Leadership ? null : links.Board(input.CycleId, input.GroupId, recipient.Id, dates.LinkExpiry);
        return new CalibrationOverdue(board, group.Name, group.Members, dates.Deadline, input.Overdue);
    }

    /// <summary>The deadline people read (the organisation's date) and the moment their links are counted from.</summary>
    private sealed record NoticeDates(DateOnly Deadline, DateTimeOffset LinkExpiry);
}
