using NSubstitute;
using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Tests.Support;

namespace TalentReview.Workflow.Tests.Calibration;

public sealed class CalibrationGroupOrchestrationTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    private static readonly CycleSchedule Schedule = new(
        [new CycleStep(StepKind.ManagerInput, Start, Start.AddDays(14)), new CycleStep(StepKind.Calibration, Start.AddDays(15), Start.AddDays(20))],
        [7, 2],
        EscalationPolicy.Default.Levels,
        Start.AddDays(30));

    private static CalibrationGroupInput Collecting(int members) => new("c1", "g1", members, Schedule, GroupCollection.Initial with { Starting = false });

    [Fact]
    public async Task Counting_ready_signals_continues_as_new_after_a_bounded_number_keeping_the_counts()
    {
        var context = ContextFake.Create();
        var ready = Enumerable.Repeat(new ReviewReadyEvent("e", true, false), CalibrationGroupOrchestration.ReadySignalsPerGeneration + 1).ToArray();
        context.Raises(WorkflowEvents.ReviewReady, ready);
        context.NeverRaises<InputClosedEvent>(WorkflowEvents.InputClosed);

        await new CalibrationGroupOrchestration().RunAsync(context, Collecting(10_000));

        var expected = GroupCollection.Initial with { Starting = false, Ready = CalibrationGroupOrchestration.ReadySignalsPerGeneration, SelfAssessments = CalibrationGroupOrchestration.ReadySignalsPerGeneration };
        context.Received(1).ContinueAsNew(Collecting(10_000) with { Collection = expected }, true);
        await context.DidNotReceive().CallActivityAsync<PacketSummary>(nameof(BuildCalibrationPacket), Arg.Any<object?>(), Arg.Any<TaskOptions?>());
    }

    [Fact]
    public async Task Input_closed_and_the_grace_period_passed_the_group_calibrates_with_what_is_in()
    {
        var context = ContextFake.Create();
        context.Raises(WorkflowEvents.ReviewReady, new ReviewReadyEvent("e1", true, true));
        context.Raises(WorkflowEvents.InputClosed, new InputClosedEvent("c1"));
        context.CreateTimer(Arg.Any<DateTime>(), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask, ContextFake.Never());
        context.NeverRaises<CalibrationApprovedEvent>(WorkflowEvents.CalibrationApproved);
        context.NeverRaises<DeadlineExtendedEvent>(WorkflowEvents.DeadlineExtended);
        context.CallActivityAsync<PacketSummary>(nameof(BuildCalibrationPacket), Arg.Any<object?>(), Arg.Any<TaskOptions?>()).Returns(new PacketSummary(3, 1, 2));

        var run = new CalibrationGroupOrchestration().RunAsync(context, Collecting(3));

        await context.Received(1).CallActivityAsync<PacketSummary>(nameof(BuildCalibrationPacket), new GroupRef("c1", "g1"), Arg.Any<TaskOptions?>());
        await context.Received(1).CallActivityAsync<int>(nameof(NotifyCalibrators), new CalibratorNotice("c1", "g1", "calibration-ready", false, OverdueStage.None), Arg.Any<TaskOptions?>());
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task Calibration_overdue_goes_to_the_committee_then_HR_then_leadership_while_the_group_keeps_waiting_for_approval()
    {
        var context = ContextFake.Create(new DateTime(2026, 3, 20, 9, 0, 0, DateTimeKind.Utc));
        context.Raises(WorkflowEvents.ReviewReady, new ReviewReadyEvent("e1", true, true));
        context.NeverRaises<InputClosedEvent>(WorkflowEvents.InputClosed);
        context.NeverRaises<CalibrationApprovedEvent>(WorkflowEvents.CalibrationApproved);
        context.NeverRaises<DeadlineExtendedEvent>(WorkflowEvents.DeadlineExtended);
        var timers = new List<DateTime>();
        context.CreateTimer(Arg.Do<DateTime>(timers.Add), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask, Task.CompletedTask, Task.CompletedTask, ContextFake.Never());
        context.CallActivityAsync<PacketSummary>(nameof(BuildCalibrationPacket), Arg.Any<object?>(), Arg.Any<TaskOptions?>()).Returns(new PacketSummary(1, 1, 0));

        var run = new CalibrationGroupOrchestration().RunAsync(context, Collecting(1));

        // The reminders' days passed before the board opened: the overdue notices follow, the committee first, each at nine in Brussels.
        var passes = new DateTime(2026, 3, 23, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal([passes, passes.AddDays(GroupTimeline.HrAfterDays), passes.AddDays(GroupTimeline.LeadershipAfterDays)], timers);
        Received.InOrder(() =>
        {
            context.CallActivityAsync<int>(nameof(NotifyCalibrators), new CalibratorNotice("c1", "g1", "calibration-overdue-20260322", true, OverdueStage.Committee), Arg.Any<TaskOptions?>());
            context.CallActivityAsync<int>(nameof(NotifyCalibrators), new CalibratorNotice("c1", "g1", "calibration-escalate-hr-20260322", true, OverdueStage.Hr), Arg.Any<TaskOptions?>());
            context.CallActivityAsync<int>(nameof(NotifyCalibrators), new CalibratorNotice("c1", "g1", "calibration-escalate-leadership-20260322", true, OverdueStage.Leadership), Arg.Any<TaskOptions?>());
        });
        await context.DidNotReceive().CallActivityAsync<int>(nameof(NotifyCalibrators), Arg.Is<CalibratorNotice>(n => n.WaveId.Contains("reminder")), Arg.Any<TaskOptions?>());
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task A_board_opened_long_after_its_deadline_is_escalated_once_to_the_furthest_level_due()
    {
        var context = ContextFake.Create(new DateTime(2026, 3, 25, 9, 0, 0, DateTimeKind.Utc));
        context.Raises(WorkflowEvents.ReviewReady, new ReviewReadyEvent("e1", true, true));
        context.NeverRaises<InputClosedEvent>(WorkflowEvents.InputClosed);
        context.NeverRaises<CalibrationApprovedEvent>(WorkflowEvents.CalibrationApproved);
        context.NeverRaises<DeadlineExtendedEvent>(WorkflowEvents.DeadlineExtended);
        context.CreateTimer(Arg.Any<DateTime>(), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask, ContextFake.Never());
        context.CallActivityAsync<PacketSummary>(nameof(BuildCalibrationPacket), Arg.Any<object?>(), Arg.Any<TaskOptions?>()).Returns(new PacketSummary(1, 1, 0));

        var run = new CalibrationGroupOrchestration().RunAsync(context, Collecting(1));

        // On 25 March the committee's notice (23 March) and HR's (25 March) are both due: HR's only; leadership's on 27 March.
        await context.Received(1).CallActivityAsync<int>(nameof(NotifyCalibrators), new CalibratorNotice("c1", "g1", "calibration-escalate-hr-20260322", true, OverdueStage.Hr), Arg.Any<TaskOptions?>());
        await context.DidNotReceive().CallActivityAsync<int>(nameof(NotifyCalibrators), Arg.Is<CalibratorNotice>(n => n.Overdue == OverdueStage.Committee), Arg.Any<TaskOptions?>());
        Assert.False(run.IsCompleted);
    }

    [Fact]
    public async Task Decisions_overdue_are_escalated_to_HR_as_a_decisions_notice()
    {
        var schedule = Schedule with { Steps = [.. Schedule.Steps, new CycleStep(StepKind.Decisions, Start.AddDays(21), Start.AddDays(24))] };
        var context = ContextFake.Create(new DateTime(2026, 3, 25, 9, 0, 0, DateTimeKind.Utc));
        context.Raises(WorkflowEvents.ReviewReady, new ReviewReadyEvent("e1", true, true));
        context.NeverRaises<InputClosedEvent>(WorkflowEvents.InputClosed);
        context.Raises(WorkflowEvents.CalibrationApproved, new CalibrationApprovedEvent("c1", "g1", "m1", DateTimeOffset.UnixEpoch));
        context.NeverRaises<DecisionsFinalisedEvent>(WorkflowEvents.DecisionsFinalised);
        context.NeverRaises<DeadlineExtendedEvent>(WorkflowEvents.DeadlineExtended);
        context.CreateTimer(Arg.Any<DateTime>(), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask, Task.CompletedTask, ContextFake.Never());
        context.CallActivityAsync<PacketSummary>(nameof(BuildCalibrationPacket), Arg.Any<object?>(), Arg.Any<TaskOptions?>()).Returns(new PacketSummary(1, 1, 0));

        var run = new CalibrationGroupOrchestration().RunAsync(context, Collecting(1) with { Schedule = schedule });

        await context.Received(1).CallActivityAsync<int>(
            nameof(NotifyCalibrators), new CalibratorNotice("c1", "g1", "decisions-overdue-20260326", true, OverdueStage.Hr, StepKind.Decisions), Arg.Any<TaskOptions?>());
        Assert.False(run.IsCompleted);
    }
}
