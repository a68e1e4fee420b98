using TalentReview.Domain.Planning;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Cycle;

namespace TalentReview.Workflow.Tests.Cycle;

public sealed class CycleTimelineTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    /// <summary>The default plan's shape from <see cref="Start"/>, in Brussels at 09:00 unless told otherwise (08:00 UTC until 29 March, 07:00 after).</summary>
    private static CycleSchedule Schedule(OrganisationTime? time = null) => new(
        [
            new CycleStep(StepKind.SelfAssessment, Start, Start.AddDays(13)),
            new CycleStep(StepKind.ManagerInput, Start.AddDays(7), Start.AddDays(20)),
            new CycleStep(StepKind.Calibration, Start.AddDays(21), Start.AddDays(27)),
            new CycleStep(StepKind.Decisions, Start.AddDays(28), Start.AddDays(34)),
        ],
        [7, 2],
        EscalationPolicy.Default.Levels,
        Start.AddDays(35),
        time);

    [Fact]
    public void Overdue_input_escalates_to_the_manager_then_the_skip_level_manager_then_HR_and_closes_at_the_next_working_hour()
    {
        var actions = CycleTimeline.Plan(Schedule()).SkipWhile(m => m.Action != MilestoneAction.EscalateToManagers).Select(m => (m.Action, m.At)).ToList();

        Assert.Equal(
            [
                (MilestoneAction.EscalateToManagers, new DateTime(2026, 3, 23, 8, 0, 0, DateTimeKind.Utc)),
                (MilestoneAction.EscalateToSkipLevel, new DateTime(2026, 3, 25, 8, 0, 0, DateTimeKind.Utc)),
                (MilestoneAction.EscalateToHr, new DateTime(2026, 3, 27, 8, 0, 0, DateTimeKind.Utc)),
                (MilestoneAction.CloseInput, new DateTime(2026, 3, 28, 8, 0, 0, DateTimeKind.Utc)),
            ],
            actions);
    }

    [Fact]
    public void Reminders_come_at_the_plans_offsets_before_each_deadline_and_the_self_assessment_closes_when_its_deadline_day_ends()
    {
        var plan = CycleTimeline.Plan(Schedule());

        Assert.Equal(
            [new DateTime(2026, 3, 8, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 13, 8, 0, 0, DateTimeKind.Utc)],
            plan.Where(m => m.Action == MilestoneAction.RemindSelfAssessment).Select(m => m.At));
        Assert.Equal(new DateTime(2026, 3, 15, 23, 0, 0, DateTimeKind.Utc), plan.Single(m => m.Action == MilestoneAction.CloseSelfAssessment).At);
        Assert.Equal(plan.OrderBy(m => m.At).Select(m => m.Id), plan.Select(m => m.Id));
    }

    [Fact]
    public void An_extended_deadline_moves_the_close_and_plans_new_reminders_while_invitations_keep_their_id()
    {
        var before = CycleTimeline.Plan(Schedule());
        var after = CycleTimeline.Plan(Schedule().WithDeadline(StepKind.SelfAssessment, Start.AddDays(17)));

        Assert.Equal(new DateTime(2026, 3, 19, 23, 0, 0, DateTimeKind.Utc), after.Single(m => m.Action == MilestoneAction.CloseSelfAssessment).At);
        Assert.Equal(before.Single(m => m.Action == MilestoneAction.InviteSelfAssessment).Id, after.Single(m => m.Action == MilestoneAction.InviteSelfAssessment).Id);
        Assert.Empty(after.Where(m => m.Action == MilestoneAction.RemindSelfAssessment).Select(m => m.Id).Intersect(before.Select(m => m.Id)));
    }

    [Fact]
    public void In_New_York_every_timer_is_at_nine_there_before_and_after_its_clocks_change_and_the_deadline_ends_at_its_midnight()
    {
        var plan = CycleTimeline.Plan(Schedule(new OrganisationTime("America/New_York", new TimeOnly(9, 0))));

        Assert.Equal(new DateTime(2026, 3, 2, 14, 0, 0, DateTimeKind.Utc), plan.Single(m => m.Action == MilestoneAction.InviteSelfAssessment).At);
        Assert.Equal(
            [new DateTime(2026, 3, 8, 13, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 13, 13, 0, 0, DateTimeKind.Utc)],
            plan.Where(m => m.Action == MilestoneAction.RemindSelfAssessment).Select(m => m.At));
        Assert.Equal(new DateTime(2026, 3, 16, 4, 0, 0, DateTimeKind.Utc), plan.Single(m => m.Action == MilestoneAction.CloseSelfAssessment).At);
        Assert.Equal(new DateTime(2026, 3, 28, 13, 0, 0, DateTimeKind.Utc), plan.Single(m => m.Action == MilestoneAction.CloseInput).At);
    }

    [Fact]
    public void In_Tokyo_at_eight_the_invitation_goes_out_the_evening_before_in_utc()
    {
        var plan = CycleTimeline.Plan(Schedule(new OrganisationTime("Asia/Tokyo", new TimeOnly(8, 0))));

        Assert.Equal(new DateTime(2026, 3, 1, 23, 0, 0, DateTimeKind.Utc), plan.Single(m => m.Action == MilestoneAction.InviteSelfAssessment).At);
        Assert.Equal(new DateTime(2026, 3, 15, 15, 0, 0, DateTimeKind.Utc), plan.Single(m => m.Action == MilestoneAction.CloseSelfAssessment).At);
    }

    [Fact]
    public void Calibration_reminders_follow_Brussels_across_its_clock_change_and_an_overdue_board_goes_up_a_level_at_nine_each_time()
    {
        var plan = GroupTimeline.Plan(Schedule(), StepKind.Calibration);

        Assert.Equal(
            [
                (MilestoneAction.RemindCalibrators, new DateTime(2026, 3, 22, 8, 0, 0, DateTimeKind.Utc)),
                (MilestoneAction.RemindCalibrators, new DateTime(2026, 3, 27, 8, 0, 0, DateTimeKind.Utc)),
                (MilestoneAction.CalibratorsOverdue, new DateTime(2026, 3, 30, 7, 0, 0, DateTimeKind.Utc)),
                (MilestoneAction.EscalateToHr, new DateTime(2026, 4, 1, 7, 0, 0, DateTimeKind.Utc)),
                (MilestoneAction.EscalateToLeadership, new DateTime(2026, 4, 3, 7, 0, 0, DateTimeKind.Utc)),
            ],
            plan.Select(m => (m.Action, m.At)));
    }

    [Theory]
    [InlineData("Europe/Brussels")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    public void Every_notice_about_manager_input_announces_a_date_that_has_not_passed_where_it_is_sent(string zone)
    {
        var schedule = Schedule(new OrganisationTime(zone, new TimeOnly(9, 0)));
        var deadline = schedule.Step(StepKind.ManagerInput).Deadline;
        var notices = CycleTimeline.Plan(schedule).Where(m => m.Action is MilestoneAction.InviteManagers or MilestoneAction.RemindManagers
            or MilestoneAction.EscalateToManagers or MilestoneAction.EscalateToSkipLevel or MilestoneAction.EscalateToHr).ToList();

        Assert.Equal(6, notices.Count);
        Assert.All(notices, m =>
        {
            var sentOn = schedule.DateOf(new DateTimeOffset(m.At));
            var due = schedule.ManagerInputDueOn(new DateTimeOffset(m.At));
            Assert.NotNull(due);
            Assert.True(due >= sentOn, $"{m.Id} on {sentOn} announces {due}");
        });
        Assert.Equal(deadline, schedule.ManagerInputDueOn(new DateTimeOffset(schedule.DeadlineEndsAt(StepKind.ManagerInput).UtcDateTime, TimeSpan.Zero)));
        Assert.Equal(deadline.AddDays(5), schedule.InputAcceptedUntil);
        Assert.Null(schedule.ManagerInputDueOn(new DateTimeOffset(schedule.InputClosesAt)));
    }
}
