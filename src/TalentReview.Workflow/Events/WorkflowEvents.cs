using TalentReview.Domain.Planning;

namespace TalentReview.Workflow.Events;

/// <summary>
/// The names of the events the workflow listens to. The public ones are raised by the use cases
/// (after a submission was validated and stored); the internal signals are sent between orchestrations.
/// </summary>
public static class WorkflowEvents
{
    public const string SelfAssessmentSubmitted = nameof(SelfAssessmentSubmitted);
    public const string ManagerInputSubmitted = nameof(ManagerInputSubmitted);
    public const string ManagerReassigned = nameof(ManagerReassigned);
    public const string DeadlineExtended = nameof(DeadlineExtended);
    public const string CalibrationApproved = nameof(CalibrationApproved);
    public const string DecisionsFinalised = nameof(DecisionsFinalised);
    public const string CycleCancelled = nameof(CycleCancelled);
    public const string ReleasedToManagers = nameof(ReleasedToManagers);
    public const string ReleasedToEmployees = nameof(ReleasedToEmployees);

    /// <summary>HR to a stalled cycle: the cause is fixed, run the step again.</summary>
    public const string RetryRequested = nameof(RetryRequested);

    /// <summary>The timeline closed the self-assessment step; the review goes on without it.</summary>
    public const string SelfAssessmentClosed = nameof(SelfAssessmentClosed);

    /// <summary>The timeline closed manager input (after escalation); the review goes to calibration without it.</summary>
    public const string ManagerInputClosed = nameof(ManagerInputClosed);

    /// <summary>Cycle to group: manager input is closed, calibrate with what is in.</summary>
    public const string InputClosed = nameof(InputClosed);

    /// <summary>Employee review to group: this review is ready for calibration.</summary>
    public const string ReviewReady = nameof(ReviewReady);
}

public sealed record SelfAssessmentSubmittedEvent(string CycleId, string EmployeeId, DateTimeOffset SubmittedAt);

/// <param name="SubmittedBy">The manager, or the skip-level manager or HR user acting after an escalation.</param>
public sealed record ManagerInputSubmittedEvent(string CycleId, string EmployeeId, string SubmittedBy, DateTimeOffset SubmittedAt);

public sealed record ManagerReassignedEvent(string CycleId, string EmployeeId, string NewManagerId, string ReassignedBy, DateTimeOffset At);

/// <summary>HR moved a step's deadline; the timeline re-plans its timers from the new date.</summary>
public sealed record DeadlineExtendedEvent(string CycleId, StepKind Step, DateOnly NewDeadline, string ExtendedBy);

/// <summary>The committee approved the group's calibration; the moves are already stored (placements and audit entries).</summary>
public sealed record CalibrationApprovedEvent(string CycleId, string GroupId, string ApprovedBy, DateTimeOffset At);

/// <summary>HR or the committee confirmed the group's decisions (the proposals, with any amendments already stored).</summary>
public sealed record DecisionsFinalisedEvent(string CycleId, string GroupId, string FinalisedBy, DateTimeOffset At);

/// <summary>
/// HR released the final outcomes to managers; employees follow at <paramref name="EmployeesAt"/>, when the
/// conversation window ends, unless HR releases to them earlier. <paramref name="EmployeesOnReleaseDate"/> is
/// only set by releases made before the window existed (employees on the plan's release date, or on HR's action):
/// a cycle already waiting that way replays as it ran.
/// </summary>
public sealed record ReleasedToManagersEvent(string CycleId, string ReleasedBy, DateTimeOffset At, DateTimeOffset? EmployeesAt, bool EmployeesOnReleaseDate = false);

/// <summary>HR released the outcomes to employees (after the managers).</summary>
public sealed record ReleasedToEmployeesEvent(string CycleId, string ReleasedBy, DateTimeOffset At);

public sealed record CycleCancelledEvent(string CycleId, string Reason, string CancelledBy, DateTimeOffset At);

public sealed record SelfAssessmentClosedEvent(string CycleId, string EmployeeId);

public sealed record ManagerInputClosedEvent(string CycleId, string EmployeeId);

public sealed record InputClosedEvent(string CycleId);

/// <summary>Sent once per review to its group; says which steps were completed and which were missed.</summary>
public sealed record ReviewReadyEvent(string EmployeeId, bool SelfAssessmentSubmitted, bool ManagerInputSubmitted);
