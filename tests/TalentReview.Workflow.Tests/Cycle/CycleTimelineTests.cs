using TalentReview.Domain.Planning;
using TalentReview.Workflow.Cycle;

namespace TalentReview.Workflow.Tests.Cycle;

public sealed class CycleTimelineTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    private static CycleSchedule Schedule() => new(
        [
            new CycleStep(StepKind.SelfAssessment, Start, Start.AddDays(13)),
            new CycleStep(StepKind.ManagerInput, Start.AddDays(7), Start.AddDays(20)),
            new CycleStep(StepKind.Calibration, Start.AddDays(21), Start.AddDays(27)),
            new CycleStep(StepKind.Decisions, Start.AddDays(28), Start.AddDays(34)),
        ],
        [7, 2],
        EscalationPolicy.Default.Levels,
        Start.AddDays(35));

    [Fact]
    public void Overdue_input_escalates_to_the_manager_then_the_skip_level_manager_then_HR_and_only_then_closes()
    {
        var actions = CycleTimeline.Plan(Schedule()).SkipWhile(m => m.Action != MilestoneAction.EscalateToManagers).Select(m => (m.Action, m.At)).ToList();

        Assert.Equal(
            [
                (MilestoneAction.EscalateToManagers, new DateTime(2026, 3, 23, 8, 0, 0, DateTimeKind.Utc)),
                (MilestoneAction.EscalateToSkipLevel, new DateTime(2026, 3, 25, 8, 0, 0, DateTimeKind.Utc)),
                (MilestoneAction.EscalateToHr, new DateTime(2026, 3, 27, 8, 0, 0, DateTimeKind.Utc)),
                (MilestoneAction.CloseInput, new DateTime(2026, 3, 27, 8, 1, 0, DateTimeKind.Utc)),
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
        Assert.Equal(new DateTime(2026, 3, 16, 0, 0, 0, DateTimeKind.Utc), plan.Single(m => m.Action == MilestoneAction.CloseSelfAssessment).At);
        Assert.Equal(plan.OrderBy(m => m.At).Select(m => m.Id), plan.Select(m => m.Id));
    }

    [Fact]
    public void An_extended_deadline_moves_the_close_and_plans_new_reminders_while_invitations_keep_their_id()
    {
        var before = CycleTimeline.Plan(Schedule());
        var after = CycleTimeline.Plan(Schedule().WithDeadline(StepKind.SelfAssessment, Start.AddDays(17)));

        Assert.Equal(new DateTime(2026, 3, 20, 0, 0, 0, DateTimeKind.Utc), after.Single(m => m.Action == MilestoneAction.CloseSelfAssessment).At);
        Assert.Equal(before.Single(m => m.Action == MilestoneAction.InviteSelfAssessment).Id, after.Single(m => m.Action == MilestoneAction.InviteSelfAssessment).Id);
        Assert.Empty(after.Where(m => m.Action == MilestoneAction.RemindSelfAssessment).Select(m => m.Id).Intersect(before.Select(m => m.Id)));
    }
}
