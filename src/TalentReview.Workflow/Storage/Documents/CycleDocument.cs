using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Workflow.Resilience;

namespace TalentReview.Workflow.Storage;

public enum CycleState
{
    Launched,
    Running,

    /// <summary>HR released the outcomes to managers (for their conversations); employees do not see theirs yet.</summary>
    ManagersReleased,

    /// <summary>Outcomes were released to managers and employees; follow-ups may still run.</summary>
    Released,
    Cancelled,

    /// <summary>What HR reads of a cycle whose step (or a group's) failed for a reason that does not pass by itself (see <see cref="CycleStalls"/>): it waits for HR to retry.</summary>
    Stalled,

    /// <summary>What HR reads when the cycle's workflow failed; never stored on the cycle.</summary>
    Failed,

    /// <summary>What HR reads when the cycle was stored but its workflow never started (a launch cut short); never stored on the cycle.</summary>
    NotStarted,
}

/// <summary>
/// A cycle: its plan (with extended deadlines applied), who launched it, whom to tell, and where its
/// roster snapshot is (<see cref="RosterChunkFirstIds"/>: the first employee id of each chunk, sorted).
/// <see cref="Stall"/> is set while a step of the cycle itself cannot go on and waits for HR to retry it;
/// <see cref="GroupStalls"/> holds those of its calibration groups and their follow-ups (see <see cref="CycleStalls"/>).
/// <see cref="Recoveries"/> lists HR's resumes and cancels of a failed workflow, oldest first.
/// </summary>
public sealed record CycleDocument(
    string CycleId,
    string Name,
    CyclePlan Plan,
    CycleState State,
    DateTimeOffset LaunchedAt,
    string LaunchedBy,
    IReadOnlyList<Contact> Hr,
    IReadOnlyList<Contact> Leadership,
    int RosterCount,
    IReadOnlyList<string> RosterChunkFirstIds,
    string? PreviousCycleId = null,
    string? CancelReason = null,
    CycleStall? Stall = null,
    CycleRelease? Release = null,
    IReadOnlyList<CycleStall>? GroupStalls = null,
    IReadOnlyList<WorkflowRecovery>? Recoveries = null);

public enum RecoveryAction
{
    /// <summary>A fresh workflow carries on from what is stored.</summary>
    Resumed,

    /// <summary>A fresh workflow cancels the cycle and tells people.</summary>
    Cancelled,
}

/// <summary>
/// HR's way out of a failed workflow, kept on the cycle as its audit: what HR did, who and when, and the failure it ended
/// (the failed workflow's reason and since when). Each one started the cycle's next workflow (see <see cref="InstanceIds.Cycle(CycleDocument)"/>).
/// </summary>
public sealed record WorkflowRecovery(RecoveryAction Action, string By, DateTimeOffset At, string Failure, DateTimeOffset FailedSince);

/// <summary>
/// HR's release: to managers first (by whom, when, and when the conversation window ends and employees follow
/// by themselves), then to employees. The cycle's state says what has gone out. A release stored before the
/// window existed has no <paramref name="EmployeesDueAt"/> and may carry <paramref name="EmployeesOnReleaseDate"/>.
/// </summary>
public sealed record CycleRelease(
    string ManagersReleasedBy,
    DateTimeOffset ManagersReleasedAt,
    DateTimeOffset? EmployeesDueAt,
    string? EmployeesReleasedBy = null,
    DateTimeOffset? EmployeesReleasedAt = null,
    bool EmployeesOnReleaseDate = false)
{
    /// <summary>When employees receive their outcome by themselves: the window's end, or an older release's scheduled date; null: on HR's action only.</summary>
    public DateTimeOffset? EmployeesDue(CyclePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return EmployeesDueAt ?? (EmployeesOnReleaseDate ? new DateTimeOffset(plan.Time.At(plan.Release.ReleaseDate), TimeSpan.Zero) : null);
    }
}

/// <summary>A cycle's entry in the organisation-wide list of cycles.</summary>
public sealed record CycleIndexDocument(string CycleId, string Name, CycleState State, DateTimeOffset LaunchedAt, int RosterCount);

/// <summary>Part of a cycle's roster snapshot, employees sorted by id; chunks stay well under 64 KB.</summary>
public sealed record RosterChunkDocument(string CycleId, int Chunk, IReadOnlyList<Employee> Employees);

/// <summary>
/// Each employee's manager in one roster chunk (the same employees), at a tenth of the chunk's size:
/// walking someone's reporting line past the participants reads these instead of the whole records.
/// </summary>
public sealed record RosterLinesDocument(string CycleId, int Chunk, IReadOnlyDictionary<string, string?> ManagerOf);
