using System.Diagnostics.CodeAnalysis;
using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.FollowUp;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Resilience;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Calibration;

/// <summary>Counts carried across generations while the group starts its reviews and collects their ready signals.</summary>
public sealed record GroupCollection(bool Starting, string? StartCursor, int Started, int Ready, int SelfAssessments, int ManagerInputs, bool InputClosed)
{
    public static GroupCollection Initial { get; } = new(true, null, 0, 0, 0, 0, false);
}

public sealed record CalibrationGroupInput(string CycleId, string GroupId, int Members, CycleSchedule Schedule, GroupCollection? Collection = null);

public sealed record GroupOutcome(string GroupId, int Members, int Ready, int FollowUpDates);

/// <summary>
/// One calibration group: starts its employee reviews in batches, counts their ready signals until
/// all are in or input has closed, builds the calibration packet, tells the calibrators (reminders,
/// then HR at the deadline), records the approved calibration, proposes decisions from the boxes,
/// waits for them to be finalised and schedules the follow-ups. Its steps run through <see cref="StepRecovery"/>:
/// a bug stalls the group (HR sees it on the cycle, which waits for it) until HR retries, instead of failing the cycle.
/// It continues as new between batches and every <see cref="ReadySignalsPerGeneration"/> signals, so its history stays bounded.
/// </summary>
public sealed class CalibrationGroupOrchestration : TaskOrchestrator<CalibrationGroupInput, GroupOutcome>
{
    public const int ReviewBatchSize = 500;
    public const int ReadySignalsPerGeneration = 500;

    /// <summary>After input closed, how long to wait for the last reviews' signals before calibrating with what is stored.</summary>
    public static readonly TimeSpan ReadyGrace = TimeSpan.FromDays(1);

    public override async Task<GroupOutcome> RunAsync(TaskOrchestrationContext context, CalibrationGroupInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var steps = new StepRecovery(context, new StallSite(input.CycleId, input.GroupId));
        var state = input.Collection ?? GroupCollection.Initial;
        if (state.Starting)
        {
            var batch = await steps.CallAsync<ReviewBatchResult>(nameof(StartReviewBatch), new ReviewBatchRequest(input.CycleId, input.GroupId, state.StartCursor, ReviewBatchSize));
            state = state with { Starting = batch.NextAfterId is not null, StartCursor = batch.NextAfterId, Started = state.Started + batch.Started };
            SetStatus(context, input, state, GroupPhase.CollectingInput);
            context.ContinueAsNew(input with { Collection = state });
            return Outcome(input, state, 0);
        }

        var collected = await CollectAsync(context, input, state);
        if (collected is null)
        {
            return Outcome(input, state, 0);
        }

        state = collected;
        var schedule = input.Schedule;
        await steps.CallAsync<PacketSummary>(nameof(BuildCalibrationPacket), new GroupRef(input.CycleId, input.GroupId));
        SetStatus(context, input, state, GroupPhase.Calibrating);
        await steps.CallAsync<int>(nameof(NotifyCalibrators), new CalibratorNotice(input.CycleId, input.GroupId, "calibration-ready", false, OverdueStage.None));

        (var approved, schedule) = await WaitWithRemindersAsync<CalibrationApprovedEvent>(context, steps, input, schedule, WorkflowEvents.CalibrationApproved, StepKind.Calibration);
        await steps.CallAsync<int>(nameof(RecordCalibration), approved);
        await steps.CallAsync<int>(nameof(ProposeDecisions), new GroupRef(input.CycleId, input.GroupId));
        SetStatus(context, input, state, GroupPhase.DecisionsProposed);

        (var finalised, _) = await WaitWithRemindersAsync<DecisionsFinalisedEvent>(context, steps, input, schedule, WorkflowEvents.DecisionsFinalised, StepKind.Decisions);
        var followUps = await steps.CallAsync<IReadOnlyList<DateOnly>>(nameof(RecordDecisions), finalised);
        if (followUps.Count > 0)
        {
            await steps.CallAsync<bool>(nameof(ScheduleFollowUps), new FollowUpInput(input.CycleId, input.GroupId, followUps, input.Schedule.Clock));
        }

        SetStatus(context, input, state, GroupPhase.DecisionsFinalised);
        return Outcome(input, state, followUps.Count);
    }

    /// <summary>
    /// Counts ready signals until every review is ready, or input closed and the grace period passed.
    /// Returns null when it continued as new to keep its history short.
    /// </summary>
    private static async Task<GroupCollection?> CollectAsync(TaskOrchestrationContext context, CalibrationGroupInput input, GroupCollection state)
    {
        var inputClosed = state.InputClosed ? null : context.WaitForExternalEvent<InputClosedEvent>(WorkflowEvents.InputClosed);
        var processed = 0;
        while (state.Ready < input.Members)
        {
            if (processed == ReadySignalsPerGeneration)
            {
                SetStatus(context, input, state, GroupPhase.CollectingInput);
                context.ContinueAsNew(input with { Collection = state });
                return null;
            }

            using var cancelWaits = new CancellationTokenSource();
            var ready = context.WaitForExternalEvent<ReviewReadyEvent>(WorkflowEvents.ReviewReady, cancelWaits.Token);
            var other = inputClosed ?? context.CreateTimer(ReadyGrace, cancelWaits.Token);
            var winner = await Task.WhenAny(ready, other);
            // Synchronously: CancelAsync runs callbacks on the thread pool, and an orchestration may only await durable tasks.
            cancelWaits.Cancel();
            if (winner == ready)
            {
                var signal = await ready;
                processed++;
                state = state with
                {
                    Ready = state.Ready + 1,
                    SelfAssessments = state.SelfAssessments + (signal.SelfAssessmentSubmitted ? 1 : 0),
                    ManagerInputs = state.ManagerInputs + (signal.ManagerInputSubmitted ? 1 : 0),
                };
            }
            else if (winner == inputClosed)
            {
                inputClosed = null;
                state = state with { InputClosed = true };
            }
            else
            {
                break;
            }
        }

        SetStatus(context, input, state, GroupPhase.CollectingInput);
        return state;
    }

    /// <summary>
    /// Waits for the committee's event, reminding the calibrators before the step's deadline and
    /// escalating once it passed (see <see cref="GroupTimeline"/>); an extended deadline re-plans the reminders.
    /// </summary>
    [SuppressMessage("Durable", "DURABLE0011", Justification = "One round per reminder of the step or deadline extension by HR: a handful, never a stream.")]
    private static async Task<(T Event, CycleSchedule Schedule)> WaitWithRemindersAsync<T>(
        TaskOrchestrationContext context, StepRecovery steps, CalibrationGroupInput input, CycleSchedule schedule, string eventName, StepKind step)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var awaited = context.WaitForExternalEvent<T>(eventName);
        var extended = context.WaitForExternalEvent<DeadlineExtendedEvent>(WorkflowEvents.DeadlineExtended);
        while (true)
        {
            var pending = schedule.Has(step) ? GroupTimeline.Plan(schedule, step).Where(m => !done.Contains(m.Id)).ToList() : [];
            var next = pending.FirstOrDefault();
            var now = context.CurrentUtcDateTime;
            if (next is not null && next.At < now && (next.Action == MilestoneAction.RemindCalibrators || pending.Skip(1).Any(m => m.At < now)))
            {
                // A reminder whose day passed before the board opened is not worth sending late; of escalations already due, only the furthest goes out.
                done.Add(next.Id);
                continue;
            }

            using var cancelTimer = new CancellationTokenSource();
            var timer = next is null ? null : context.CreateTimer(next.At, cancelTimer.Token);
            var winner = timer is null ? await Task.WhenAny(awaited, extended) : await Task.WhenAny(awaited, extended, timer);
            if (winner == awaited)
            {
                cancelTimer.Cancel();
                return (await awaited, schedule);
            }

            if (winner == extended)
            {
                cancelTimer.Cancel();
                var extension = await extended;
                schedule = schedule.WithDeadline(extension.Step, extension.NewDeadline);
                extended = context.WaitForExternalEvent<DeadlineExtendedEvent>(WorkflowEvents.DeadlineExtended);
                continue;
            }

            done.Add(next!.Id);
            await steps.CallAsync<int>(
                nameof(NotifyCalibrators), new CalibratorNotice(input.CycleId, input.GroupId, next.Id, true, GroupTimeline.StageOf(next.Action), step));
        }
    }

    private static void SetStatus(TaskOrchestrationContext context, CalibrationGroupInput input, GroupCollection state, GroupPhase phase)
        => context.SetCustomStatus(new GroupProgress(input.GroupId, phase, input.Members, state.Started, state.Ready, state.SelfAssessments, state.ManagerInputs));

    private static GroupOutcome Outcome(CalibrationGroupInput input, GroupCollection state, int followUpDates)
        => new(input.GroupId, input.Members, state.Ready, followUpDates);
}

/// <summary>
/// The group-level reminders of a step: before its deadline to the calibrators. Once the calibration deadline
/// passed without approval: the committee at the next working hour, HR <see cref="HrAfterDays"/> days later,
/// leadership <see cref="LeadershipAfterDays"/> days later. Once the decisions deadline passed: HR.
/// </summary>
public static class GroupTimeline
{
    public const int HrAfterDays = 2;
    public const int LeadershipAfterDays = 4;

    public static IReadOnlyList<Milestone> Plan(CycleSchedule schedule, StepKind step)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var deadline = schedule.Step(step).Deadline;
        var prefix = step == StepKind.Calibration ? "calibration" : "decisions";
        var reminders = schedule.ReminderDaysBeforeDeadline
            .Distinct()
            .Where(days => days > 0)
            .OrderByDescending(days => days)
            .Select(days => new Milestone($"{prefix}-reminder-{days}-{deadline:yyyyMMdd}", schedule.At(deadline.AddDays(-days)), MilestoneAction.RemindCalibrators, days));

        // People hear of a missed deadline at the next working hour, not at midnight.
        var overdue = deadline.AddDays(1);
        if (step != StepKind.Calibration)
        {
            return [.. reminders, new Milestone($"{prefix}-overdue-{deadline:yyyyMMdd}", schedule.At(overdue), MilestoneAction.EscalateToHr)];
        }

        return
        [
            .. reminders,
            new Milestone($"{prefix}-overdue-{deadline:yyyyMMdd}", schedule.At(overdue), MilestoneAction.CalibratorsOverdue),
            new Milestone($"{prefix}-escalate-hr-{deadline:yyyyMMdd}", schedule.At(overdue.AddDays(HrAfterDays)), MilestoneAction.EscalateToHr),
            new Milestone($"{prefix}-escalate-leadership-{deadline:yyyyMMdd}", schedule.At(overdue.AddDays(LeadershipAfterDays)), MilestoneAction.EscalateToLeadership),
        ];
    }

    public static OverdueStage StageOf(MilestoneAction action) => action switch
    {
        MilestoneAction.CalibratorsOverdue => OverdueStage.Committee,
        MilestoneAction.EscalateToHr => OverdueStage.Hr,
        MilestoneAction.EscalateToLeadership => OverdueStage.Leadership,
        _ => OverdueStage.None,
    };
}
