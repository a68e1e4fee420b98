using TalentReview.Domain.Rosters;

namespace TalentReview.Local.Simulation;

/// <summary>When (on which day of the cycle) a simulated person acts, or that they never do.</summary>
public enum Timeliness
{
    OnTime,
    LateAfterReminder,
    Missing,
}

/// <summary>One simulated person's habits: when they do their self-assessment and, as a manager, their input.</summary>
public sealed record SimulatedPerson(string EmployeeId, Timeliness SelfAssessment, int SelfAssessmentDay, Timeliness ManagerInput, int ManagerInputDay, bool Acknowledges);

/// <summary>
/// Draws every person's habits once, in roster order, from one seed: the same seed and roster give
/// the same simulation. Most people are on time, some act only after a reminder, a few never do.
/// Lenient and severe managers come from the demo organisation's own rating generator.
/// </summary>
public static class SimulatedBehaviour
{
    public static IReadOnlyDictionary<string, SimulatedPerson> Draw(Roster roster, int seed, SimulationCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(calendar);
        var random = new Random(seed);
        var people = new Dictionary<string, SimulatedPerson>(StringComparer.Ordinal);
        foreach (var employee in roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            var self = Habit(random, onTime: 0.72, late: 0.16);
            var selfDay = self == Timeliness.OnTime
                ? random.Next(calendar.SelfAssessmentOpens, calendar.SelfAssessmentReminder)
                : random.Next(calendar.SelfAssessmentReminder, calendar.SelfAssessmentDeadline + 1);
            var input = Habit(random, onTime: 0.78, late: 0.14);
            var inputDay = input == Timeliness.OnTime
                ? random.Next(calendar.ManagerInputOpens + 1, calendar.ManagerInputReminder)
                : random.Next(calendar.ManagerInputReminder, calendar.ManagerInputDeadline + 1);
            people[employee.Id] = new SimulatedPerson(employee.Id, self, selfDay, input, inputDay, random.NextDouble() < 0.65);
        }

        return people;
    }

    private static Timeliness Habit(Random random, double onTime, double late)
    {
        var draw = random.NextDouble();
        return draw < onTime ? Timeliness.OnTime : draw < onTime + late ? Timeliness.LateAfterReminder : Timeliness.Missing;
    }
}
