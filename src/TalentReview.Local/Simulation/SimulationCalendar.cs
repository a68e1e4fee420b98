using TalentReview.Domain.Planning;

namespace TalentReview.Local.Simulation;

/// <summary>The plan's dates as days since the cycle started, for deciding who acts when.</summary>
public sealed record SimulationCalendar(
    int SelfAssessmentOpens,
    int SelfAssessmentReminder,
    int SelfAssessmentDeadline,
    int ManagerInputOpens,
    int ManagerInputReminder,
    int ManagerInputDeadline,
    int LastDay)
{
    public static SimulationCalendar From(CyclePlan plan, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int Day(DateOnly date) => date.DayNumber - start.DayNumber;
        var self = plan.Step(StepKind.SelfAssessment)!;
        var input = plan.Step(StepKind.ManagerInput)!;
        var firstReminder = plan.ReminderDaysBeforeDeadline.DefaultIfEmpty(2).Min();
        return new SimulationCalendar(
            Day(self.Opens),
            Day(self.Deadline) - firstReminder,
            Day(self.Deadline),
            Day(input.Opens),
            Day(input.Deadline) - firstReminder,
            Day(input.Deadline),
            Day(plan.Release.ReleaseDate) + 2);
    }
}
