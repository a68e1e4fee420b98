using TalentReview.Domain.Planning;

namespace TalentReview.Workflow.Cycle;

/// <summary>
/// The dates of a cycle that drive its timers, taken from the plan (deadlines as extended since).
/// Small and serializable, so orchestrations carry it in their input.
/// </summary>
public sealed record CycleSchedule(
    IReadOnlyList<CycleStep> Steps,
    IReadOnlyList<int> ReminderDaysBeforeDeadline,
    IReadOnlyList<EscalationLevel> Escalation,
    DateOnly ReleaseDate)
{
    /// <summary>Reminders, deadlines and releases fire at this time of day (UTC), not at midnight.</summary>
    public static readonly TimeOnly WorkingHour = new(8, 0);

    public static CycleSchedule From(CyclePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Steps, plan.ReminderDaysBeforeDeadline, plan.Escalation.Levels, plan.Release.ReleaseDate);
    }

    public CycleStep Step(StepKind kind)
        => Steps.FirstOrDefault(s => s.Kind == kind) ?? throw new InvalidOperationException($"The plan has no {kind} step.");

    public bool Has(StepKind kind) => Steps.Any(s => s.Kind == kind);

    public CycleSchedule WithDeadline(StepKind kind, DateOnly deadline)
        => kind == StepKind.Release
            ? this with { ReleaseDate = deadline, Steps = Steps.Select(s => s.Kind == kind ? s with { Deadline = deadline } : s).ToList() }
            : this with { Steps = Steps.Select(s => s.Kind == kind ? s with { Deadline = deadline } : s).ToList() };

    /// <summary>A step's deadline passes at the end of its day.</summary>
    public DateTime DeadlinePassesAt(StepKind kind) => Step(kind).Deadline.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime OpensAt(StepKind kind) => At(Step(kind).Opens);

    public DateTime ReleaseAt => At(ReleaseDate);

    public static DateTime At(DateOnly day) => day.ToDateTime(WorkingHour, DateTimeKind.Utc);

    /// <summary>The deadline as people see it in emails: the end of the deadline day.</summary>
    public DateTimeOffset DisplayedDeadline(StepKind kind) => new(Step(kind).Deadline.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc));
}
