using TalentReview.Domain.Eligibility;
using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Planning;

/// <summary>
/// Everything HR decides before a cycle starts. Build one with <see cref="Default"/> and adjust it
/// with <c>with</c>; <see cref="Validate"/> lists every inconsistency.
/// </summary>
public sealed record CyclePlan(
    string Name,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    IReadOnlyList<CycleStep> Steps,
    IReadOnlyList<int> ReminderDaysBeforeDeadline,
    EscalationPolicy Escalation,
    IReadOnlyList<CalibrationGroup> Groups,
    DistributionGuidance Guidance,
    ReleaseSettings Release,
    EligibilityRules Eligibility)
{
    /// <summary>The zone and working hour of the cycle's dates; a plan stored before it existed reads as the default.</summary>
    public OrganisationTime Time
    {
        get;
        init => field = value ?? OrganisationTime.Default;
    } = OrganisationTime.Default;

    /// <summary>
    /// A six-week plan starting on <paramref name="start"/>: self-assessment, manager input, calibration,
    /// decisions and release; reminders 7 and 2 days before each deadline; one calibration group per
    /// department with the department's most senior managers and <paramref name="hrCalibrators"/>.
    /// The review period is the year before <paramref name="start"/>.
    /// </summary>
    public static CyclePlan Default(string name, DateOnly start, Roster roster, IReadOnlyList<string>? hrCalibrators = null)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var hr = hrCalibrators ?? ["hr"];
        CycleStep[] steps =
        [
            new(StepKind.SelfAssessment, start, start.AddDays(13)),
            new(StepKind.ManagerInput, start.AddDays(7), start.AddDays(20)),
            new(StepKind.Calibration, start.AddDays(21), start.AddDays(27)),
            new(StepKind.Decisions, start.AddDays(28), start.AddDays(34)),
            new(StepKind.Release, start.AddDays(35), start.AddDays(41)),
        ];
        var periodEnd = start.AddDays(-1);
        return new CyclePlan(
            name,
            periodEnd.AddYears(-1).AddDays(1),
            periodEnd,
            steps,
            [7, 2],
            EscalationPolicy.Default,
            DepartmentGroups(roster, hr),
            DistributionGuidance.Default,
            new ReleaseSettings(start.AddDays(35)),
            EligibilityRules.Default(periodEnd));
    }

    public CycleStep? Step(StepKind kind) => Steps.FirstOrDefault(s => s.Kind == kind);

    public IReadOnlyList<ValidationError> Validate() => CyclePlanValidator.Validate(this);

    /// <summary>One group per department; its calibrators are the department's most senior managers, plus HR.</summary>
    private static List<CalibrationGroup> DepartmentGroups(Roster roster, IReadOnlyList<string> hr)
    {
        var departments = new Dictionary<string, List<Employee>>(StringComparer.Ordinal);
        var managerIds = roster.Employees.Select(e => e.ManagerId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var employee in roster.Employees)
        {
            var manager = employee.ManagerId is { } id ? roster.Find(id) : null;
            var headsDepartment = manager is null || manager.Department != employee.Department;
            if (!departments.TryGetValue(employee.Department, out var heads))
            {
                heads = [];
                departments[employee.Department] = heads;
            }

            if (headsDepartment && managerIds.Contains(employee.Id))
            {
                heads.Add(employee);
            }
        }

        return departments
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new CalibrationGroup(
                GroupId(d.Key),
                d.Key,
                GroupKind.ByDepartment,
                [d.Key],
                [.. d.Value.Select(e => e.Id), .. hr]))
            .ToList();
    }

    private static string GroupId(string department)
        => string.Concat(department.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}

/// <summary>The steps of a cycle, in the order they must happen.</summary>
public enum StepKind
{
    SelfAssessment,
    ManagerInput,
    Calibration,
    Decisions,
    Release,
}

public sealed record CycleStep(StepKind Kind, DateOnly Opens, DateOnly Deadline);

public enum EscalationTarget
{
    Manager,
    SkipLevelManager,
    Hr,
}

/// <summary>Who is told, and how many days after a missed deadline.</summary>
public sealed record EscalationLevel(EscalationTarget Target, int DaysAfterDeadline);

public sealed record EscalationPolicy(IReadOnlyList<EscalationLevel> Levels)
{
    /// <summary>The manager after 1 day, the skip-level manager after 3, HR after 5.</summary>
    public static EscalationPolicy Default { get; } = new([
        new EscalationLevel(EscalationTarget.Manager, 1),
        new EscalationLevel(EscalationTarget.SkipLevelManager, 3),
        new EscalationLevel(EscalationTarget.Hr, 5),
    ]);
}

/// <summary>
/// What shows when the results are released to employees, and when: managers first, then employees once the
/// conversation window of <paramref name="ConversationWorkingDays"/> working days after HR's release to managers
/// has passed (or earlier, on HR's second action). A plan stored before the window existed reads as the default.
/// </summary>
public sealed record ReleaseSettings(
    DateOnly ReleaseDate,
    bool ShowPerformance = true,
    bool ShowPotential = false,
    bool ShowBox = false,
    bool ShowDecision = true,
    int ConversationWorkingDays = ReleaseSettings.DefaultConversationWorkingDays)
{
    public const int DefaultConversationWorkingDays = 5;
    public const int MinConversationWorkingDays = 1;
    public const int MaxConversationWorkingDays = 30;
}
