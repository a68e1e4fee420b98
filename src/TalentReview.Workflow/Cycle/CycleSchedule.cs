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
    DateOnly ReleaseDate,
    OrganisationTime? Time = null)
{
    /// <summary>The cycle's zone and working hour; an input scheduled before they were settings reads as the default.</summary>
    public OrganisationTime Clock => Time ?? OrganisationTime.Default;

    public static CycleSchedule From(CyclePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(plan.Steps, plan.ReminderDaysBeforeDeadline, plan.Escalation.Levels, plan.Release.ReleaseDate, plan.Time);
    }

    public CycleStep Step(StepKind kind)
        => Steps.FirstOrDefault(s => s.Kind == kind) ?? throw new InvalidOperationException($"The plan has no {kind} step.");

    public bool Has(StepKind kind) => Steps.Any(s => s.Kind == kind);

    public CycleSchedule WithDeadline(StepKind kind, DateOnly deadline)
        => kind == StepKind.Release
            ? this with { ReleaseDate = deadline, Steps = Steps.Select(s => s.Kind == kind ? s with { Deadline = deadline } : s).ToList() }
            : this with { Steps = Steps.Select(s => s.Kind == kind ? s with { Deadline = deadline } : s).ToList() };

    /// <summary>A step's deadline passes at the end of its day in the cycle's zone.</summary>
    public DateTime DeadlinePassesAt(StepKind kind) => Clock.EndOf(Step(kind).Deadline);

    public DateTime OpensAt(StepKind kind) => At(Step(kind).Opens);

    public DateTime ReleaseAt => At(ReleaseDate);

    /// <summary>The working hour of <paramref name="day"/> in the cycle's zone: when its emails go out.</summary>
    public DateTime At(DateOnly day) => Clock.At(day);

    /// <summary>The last moment a step's deadline allows (links stay valid until then).</summary>
    public DateTimeOffset DeadlineEndsAt(StepKind kind) => new DateTimeOffset(DeadlinePassesAt(kind)).AddMinutes(-1);

    /// <summary>
    /// Overdue manager input is accepted until the working hour of the day after the last escalation
    /// (so an escalation never points at a date that has passed and calibrators hear of their board at
    /// the working hour), or until calibration opens if that is later.
    /// </summary>
    public DateTime InputClosesAt
    {
        get
        {
            var deadline = Step(StepKind.ManagerInput).Deadline;
            var lastEscalation = Escalation.Count == 0 ? 0 : Math.Max(0, Escalation.Max(l => l.DaysAfterDeadline));
            var closes = At(deadline.AddDays(lastEscalation + 1));
            return Has(StepKind.Calibration) && OpensAt(StepKind.Calibration) > closes ? OpensAt(StepKind.Calibration) : closes;
        }
    }

    /// <summary>The last whole day overdue manager input is accepted: the deadline that escalations and overdue notices announce.</summary>
    public DateOnly InputAcceptedUntil => DateOf(new DateTimeOffset(InputClosesAt)).AddDays(-1);

    /// <summary>
    /// The date manager input is due as of <paramref name="now"/>: the deadline, once it passed the last
    /// day overdue input is accepted, and null when even that passed (nothing left to announce).
    /// </summary>
    public DateOnly? ManagerInputDueOn(DateTimeOffset now)
    {
        var today = DateOf(now);
        var deadline = Step(StepKind.ManagerInput).Deadline;
        return today <= deadline ? deadline : today <= InputAcceptedUntil ? InputAcceptedUntil : null;
    }

    /// <summary>The date it is in the cycle's zone at <paramref name="moment"/>.</summary>
    public DateOnly DateOf(DateTimeOffset moment) => Clock.DateOf(moment);
}
