using TalentReview.Domain;

namespace TalentReview.Workflow.Storage;

/// <summary>Where one step of one review stands. Stored as text, so queries can filter on it.</summary>
public enum StepState
{
    Pending,
    Submitted,

    /// <summary>The deadline passed without it; the review went on without it, visibly.</summary>
    Missing,

    /// <summary>Nobody gives it: manager input for someone without a manager (the top of the organisation). Never missing, late or escalated.</summary>
    NotApplicable,
}

/// <summary>How far overdue manager input has been escalated.</summary>
public enum EscalationStage
{
    None,
    Manager,
    SkipLevelManager,
    HumanResources,
}

/// <summary>
/// One eligible employee in one cycle: a snapshot of who they are, their group and manager, where each
/// step stands, and the nonces of their current links (a new nonce invalidates the old link).
/// <see cref="GroupOrdinal"/> is the position in the group (by employee id), which locates the
/// employee's entries in the group's chunked calibration and decision documents.
/// </summary>
public sealed record ParticipantDocument(
    string CycleId,
    string EmployeeId,
    string Name,
    string Email,
    Language Language,
    string Department,
    string JobTitle,
    string Level,
    string GroupId,
    int GroupOrdinal,
    string? ManagerId,
    string? SkipLevelId,
    StepState SelfAssessmentState,
    StepState ManagerInputState,
    string SelfAssessmentNonce,
    string ManagerInputNonce,
    string OutcomeNonce,
    EscalationStage Escalation = EscalationStage.None,
    string? PreviousManagerId = null)
{
    public Contact Contact => new(EmployeeId, Name, Email, Language);
}

/// <summary>
/// A manager's team at the start of the cycle (reports may move away; a participant's
/// <see cref="ParticipantDocument.ManagerId"/> is the truth). Holds the manager's contact and their
/// own manager, so digests and escalations need no roster lookups.
/// </summary>
public sealed record TeamDocument(string CycleId, string ManagerId, Contact Manager, string? SkipLevelId, IReadOnlyList<string> ReportIds);

/// <summary>A skip-level manager and the managers below them, for one escalation email per person per wave.</summary>
public sealed record SkipLevelDocument(string CycleId, string SkipLevelId, Contact SkipLevel, IReadOnlyList<string> ManagerIds);
