using TalentReview.Domain.Planning;

namespace TalentReview.Workflow.Cycle;

/// <summary>What the cycle does at a point of its timeline. All of these are cycle-wide waves or closes.</summary>
public enum MilestoneAction
{
    InviteSelfAssessment,
    RemindSelfAssessment,
    CloseSelfAssessment,
    InviteManagers,
    RemindManagers,
    EscalateToManagers,
    EscalateToSkipLevel,
    EscalateToHr,
    CloseInput,
    RemindCalibrators,
    CalibratorsOverdue,
    EscalateToLeadership,
}

/// <summary>
/// One point of the timeline. <see cref="Id"/> is stable across re-planning and is the wave id:
/// reminders carry their deadline in the id, so after an extension they are sent again for the new
/// deadline, while invitations and closes happen once.
/// </summary>
public sealed record Milestone(string Id, DateTime At, MilestoneAction Action, int DaysBefore = 0);

/// <summary>The cycle-wide timeline computed from the schedule: a pure function, recomputed after every extension.</summary>
public static class CycleTimeline
{
    public static IReadOnlyList<Milestone> Plan(CycleSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var milestones = new List<Milestone>();
        if (schedule.Has(StepKind.SelfAssessment))
        {
            var self = schedule.Step(StepKind.SelfAssessment);
            milestones.Add(new("sa-invite", schedule.OpensAt(StepKind.SelfAssessment), MilestoneAction.InviteSelfAssessment));
            milestones.AddRange(Reminders(schedule, self, "sa-reminder", MilestoneAction.RemindSelfAssessment));
            milestones.Add(new("sa-close", schedule.DeadlinePassesAt(StepKind.SelfAssessment), MilestoneAction.CloseSelfAssessment));
        }

        var input = schedule.Step(StepKind.ManagerInput);
        milestones.Add(new("mi-digest", schedule.OpensAt(StepKind.ManagerInput), MilestoneAction.InviteManagers));
        milestones.AddRange(Reminders(schedule, input, "mi-reminder", MilestoneAction.RemindManagers));
        foreach (var level in schedule.Escalation.OrderBy(l => l.DaysAfterDeadline))
        {
            var at = schedule.At(input.Deadline.AddDays(level.DaysAfterDeadline));
            var (id, action) = level.Target switch
            {
                EscalationTarget.Manager => ("mi-overdue", MilestoneAction.EscalateToManagers),
                EscalationTarget.SkipLevelManager => ("mi-escalate-skip", MilestoneAction.EscalateToSkipLevel),
                _ => ("mi-escalate-hr", MilestoneAction.EscalateToHr),
            };
            milestones.Add(new($"{id}-{input.Deadline:yyyyMMdd}", at, action));
        }

        milestones.Add(new("mi-close", schedule.InputClosesAt, MilestoneAction.CloseInput));
        return [.. milestones.Select((m, order) => (m, order)).OrderBy(x => x.m.At).ThenBy(x => x.order).Select(x => x.m)];
    }

    private static IEnumerable<Milestone> Reminders(CycleSchedule schedule, CycleStep step, string prefix, MilestoneAction action)
        => schedule.ReminderDaysBeforeDeadline
            .Distinct()
            .Where(days => days > 0 && step.Deadline.AddDays(-days) >= step.Opens)
            .OrderByDescending(days => days)
            .Select(days => new Milestone($"{prefix}-{days}-{step.Deadline:yyyyMMdd}", schedule.At(step.Deadline.AddDays(-days)), action, days));
}
