using System.Globalization;
using TalentReview.Domain.Planning;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.UseCases;

/// <summary>Where one person's step stands for HR.</summary>
public enum ProgressStatus
{
    /// <summary>Not submitted yet, the deadline still ahead.</summary>
    Pending,
    Submitted,

    /// <summary>Not submitted and the deadline has passed.</summary>
    Late,

    /// <summary>Manager input overdue and escalated (to the skip-level manager or HR), still not submitted.</summary>
    Escalated,

    /// <summary>Nobody gives it (manager input for someone without a manager): counted nowhere, never late.</summary>
    NotApplicable,
}

/// <summary>How many people of a set stand where, for one step; <see cref="Total"/> counts only those the step applies to.</summary>
public sealed record StepTally(int Total, int Pending, int Submitted, int Late, int Escalated)
{
    public static StepTally Of(IEnumerable<ProgressStatus> statuses)
    {
        var counts = new int[Enum.GetValues<ProgressStatus>().Length];
        foreach (var status in statuses)
        {
            counts[(int)status]++;
        }

        var (pending, submitted, late, escalated) = (counts[(int)ProgressStatus.Pending], counts[(int)ProgressStatus.Submitted], counts[(int)ProgressStatus.Late], counts[(int)ProgressStatus.Escalated]);
        return new StepTally(pending + submitted + late + escalated, pending, submitted, late, escalated);
    }
}

/// <param name="LastNudgedAt">When HR last nudged this person about their self-assessment (null: never).</param>
public sealed record PersonProgress(
    string EmployeeId, string Name, string GroupId, string? ManagerId, ProgressStatus SelfAssessment, ProgressStatus ManagerInput, DateTimeOffset? LastNudgedAt = null);

public sealed record GroupStepProgress(string GroupId, string Name, GroupPhase Phase, StepTally SelfAssessment, StepTally ManagerInput);

/// <param name="LastNudgedAt">When HR last nudged this manager about their reports' input (null: never).</param>
public sealed record ManagerProgress(string ManagerId, string Name, StepTally SelfAssessment, StepTally ManagerInput, IReadOnlyList<PersonProgress> People, DateTimeOffset? LastNudgedAt = null);

/// <summary>
/// A cycle's progress as the store has it at <see cref="AsOf"/> (<see cref="Today"/> in the cycle's zone): per step, per calibration group and per
/// manager down to the person. Read from the participants themselves, so it is right from launch on, not
/// only once an orchestration reports it. <see cref="WithoutManager"/>: the people at the top of the organisation, whose manager
/// input is not applicable (no manager lists them).
/// </summary>
public sealed record LiveProgress(
    DateTimeOffset AsOf,
    DateOnly Today,
    DateOnly? SelfAssessmentDeadline,
    DateOnly? ManagerInputDeadline,
    StepTally SelfAssessment,
    StepTally ManagerInput,
    IReadOnlyList<GroupStepProgress> Groups,
    IReadOnlyList<ManagerProgress> Managers,
    IReadOnlyList<PersonProgress> WithoutManager)
{
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);

    public static LiveProgress Compute(
        CycleDocument cycle,
        IReadOnlyList<ParticipantDocument> participants,
        IReadOnlyList<CalibrationGroupDocument> groups,
        IReadOnlyDictionary<string, string> managerNames,
        DateTimeOffset now,
        IReadOnlyList<NudgeDocument>? nudges = null)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(managerNames);
        // Deadlines are days in the cycle's zone: a step is late from the day after its deadline there.
        var today = cycle.Plan.Time.DateOf(now);
        var selfDeadline = cycle.Plan.Step(StepKind.SelfAssessment)?.Deadline;
        var inputDeadline = cycle.Plan.Step(StepKind.ManagerInput)?.Deadline;
        var lastNudged = (nudges ?? []).ToDictionary(n => (n.Target, n.EmployeeId), n => n.At);
        DateTimeOffset? Nudged(NudgeTarget target, string id) => lastNudged.TryGetValue((target, id), out var at) ? at : null;
        var people = participants
            .Select(p => new PersonProgress(
                p.EmployeeId,
                p.Name,
                p.GroupId,
                p.ManagerId,
                StatusOf(p.SelfAssessmentState, escalated: false, selfDeadline, today),
                StatusOf(p.ManagerInputState, p.Escalation != EscalationStage.None, inputDeadline, today),
                Nudged(NudgeTarget.Person, p.EmployeeId)))
            .OrderBy(p => p.Name, ByName)
            .ToList();

        var byGroup = people.ToLookup(p => p.GroupId, StringComparer.Ordinal);
        var groupProgress = groups
            .Select(g => new GroupStepProgress(g.GroupId, g.Name, g.Phase, StepTally.Of(byGroup[g.GroupId].Select(p => p.SelfAssessment)), StepTally.Of(byGroup[g.GroupId].Select(p => p.ManagerInput))))
            .OrderBy(g => g.Name, ByName)
            .ToList();
        var managers = people
            .Where(p => p.ManagerId is not null)
            .GroupBy(p => p.ManagerId!, StringComparer.Ordinal)
            .Select(team => new ManagerProgress(
                team.Key,
                managerNames.TryGetValue(team.Key, out var name) ? name : team.Key,
                StepTally.Of(team.Select(p => p.SelfAssessment)),
                StepTally.Of(team.Select(p => p.ManagerInput)),
                [.. team],
                Nudged(NudgeTarget.Manager, team.Key)))
            .OrderBy(m => m.Name, ByName)
            .ToList();
        return new LiveProgress(
            now, today, selfDeadline, inputDeadline, StepTally.Of(people.Select(p => p.SelfAssessment)), StepTally.Of(people.Select(p => p.ManagerInput)), groupProgress, managers,
            [.. people.Where(p => p.ManagerId is null)]);
    }

    private static ProgressStatus StatusOf(StepState state, bool escalated, DateOnly? deadline, DateOnly today) => state switch
    {
        StepState.Submitted => ProgressStatus.Submitted,
        StepState.NotApplicable => ProgressStatus.NotApplicable,
        _ when escalated => ProgressStatus.Escalated,
        StepState.Missing => ProgressStatus.Late,
        _ when deadline is { } due && today > due => ProgressStatus.Late,
        _ => ProgressStatus.Pending,
    };
}
