using System.Text.Json.Serialization;

namespace TalentReview.Workflow.Notifications;

public enum EmailKind
{
    SelfAssessmentInvitation,
    SelfAssessmentReminder,
    ManagerDigest,
    ManagerReminder,
    Escalation,
    CalibrationReady,
    CalibrationReminder,
    CalibrationOverdue,
    DecisionsReminder,
    LeadershipSummary,
    ManagerRelease,
    EmployeeRelease,
    FollowUpReminder,
    ManagerReassigned,
    CycleCancelled,
}

/// <summary>
/// The data a template needs, one record per kind. Templates (nl, fr, en) live with the email
/// adapter; the workflow only says what to tell whom.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SelfAssessmentInvitation), nameof(SelfAssessmentInvitation))]
[JsonDerivedType(typeof(SelfAssessmentReminder), nameof(SelfAssessmentReminder))]
[JsonDerivedType(typeof(ManagerDigest), nameof(ManagerDigest))]
[JsonDerivedType(typeof(EscalationNotice), nameof(EscalationNotice))]
[JsonDerivedType(typeof(CalibrationReady), nameof(CalibrationReady))]
[JsonDerivedType(typeof(CalibrationOverdue), nameof(CalibrationOverdue))]
[JsonDerivedType(typeof(DecisionsPending), nameof(DecisionsPending))]
[JsonDerivedType(typeof(LeadershipSummaryNotice), nameof(LeadershipSummaryNotice))]
[JsonDerivedType(typeof(ManagerRelease), nameof(ManagerRelease))]
[JsonDerivedType(typeof(EmployeeRelease), nameof(EmployeeRelease))]
[JsonDerivedType(typeof(FollowUpReminder), nameof(FollowUpReminder))]
[JsonDerivedType(typeof(ManagerReassigned), nameof(ManagerReassigned))]
[JsonDerivedType(typeof(CycleCancelled), nameof(CycleCancelled))]
public abstract record EmailContent
{
    [JsonIgnore]
    public abstract EmailKind Kind { get; }
}

/// <summary>Invites an employee to their self-assessment.</summary>
public sealed record SelfAssessmentInvitation(Uri Link, DateOnly Deadline) : EmailContent
{
    public override EmailKind Kind => EmailKind.SelfAssessmentInvitation;
}

public sealed record SelfAssessmentReminder(Uri Link, DateOnly Deadline, int DaysLeft) : EmailContent
{
    public override EmailKind Kind => EmailKind.SelfAssessmentReminder;
}

/// <summary>
/// One email per manager per wave listing every direct report still waiting for input
/// (never one email per report). <see cref="IsReminder"/> selects the reminder wording.
/// </summary>
public sealed record ManagerDigest(Uri TeamLink, DateOnly Deadline, IReadOnlyList<string> PendingReportNames, bool IsReminder) : EmailContent
{
    public override EmailKind Kind => IsReminder ? EmailKind.ManagerReminder : EmailKind.ManagerDigest;
}

public enum EscalationLevel
{
    SkipLevelManager,
    HumanResources,
}

/// <summary>Tells a skip-level manager (or HR) that input is overdue, with a link to give it in the manager's place.</summary>
public sealed record EscalationNotice(Uri Link, EscalationLevel Level, string OverdueManagerName, IReadOnlyList<string> OverdueReportNames, DateOnly NewDeadline) : EmailContent
{
    public override EmailKind Kind => EmailKind.Escalation;
}

/// <summary>
/// Tells a calibrator that their group's calibration board is ready (or, as a reminder, still waiting);
/// <see cref="MissingInputs"/> says for how many people input closed without arriving.
/// </summary>
public sealed record CalibrationReady(Uri BoardLink, string GroupName, int ParticipantCount, DateOnly Deadline, bool IsReminder, int MissingInputs = 0) : EmailContent
{
    public override EmailKind Kind => IsReminder ? EmailKind.CalibrationReminder : EmailKind.CalibrationReady;
}

/// <summary>Who an overdue board is escalated to, in order: the committee, then HR, then leadership.</summary>
public enum OverdueStage
{
    None,
    Committee,
    Hr,
    Leadership,
}

/// <summary>A board past its calibration deadline without approval. Leadership gets no board link: it is not on the committee.</summary>
public sealed record CalibrationOverdue(Uri? BoardLink, string GroupName, int ParticipantCount, DateOnly Deadline, OverdueStage Stage) : EmailContent
{
    public override EmailKind Kind => EmailKind.CalibrationOverdue;
}

/// <summary>Reminds a calibrator (or, once <see cref="IsOverdue"/>, HR) that the group's proposed decisions wait to be confirmed, with a link to the decision confirmation page.</summary>
public sealed record DecisionsPending(Uri DecisionsLink, string GroupName, int ParticipantCount, DateOnly Deadline, bool IsOverdue = false) : EmailContent
{
    public override EmailKind Kind => EmailKind.DecisionsReminder;
}

/// <summary>
/// The leadership summary: the nine-box grid with counts and percentages against guidance, and the
/// key lists. Aggregates and names only; no evaluation text.
/// </summary>
public sealed record LeadershipSummaryNotice(
    Uri SummaryLink,
    string Scope,
    IReadOnlyList<NineBoxCell> Grid,
    int TotalPlaced,
    IReadOnlyList<string> Promotions,
    IReadOnlyList<string> HighPerformersAtRisk,
    IReadOnlyList<CompletionRate> Completion) : EmailContent
{
    public override EmailKind Kind => EmailKind.LeadershipSummary;
}

/// <summary>
/// One box of the grid: Performance and Potential are 1 (low) to 3 (high); <see cref="Label"/> is the box's code
/// (a <see cref="Domain.NineBox.GridBox"/> name), which the email names in the reader's language.
/// </summary>
public sealed record NineBoxCell(int Performance, int Potential, string Label, int Count, double Percentage, double? GuidancePercentage);

/// <summary>How far a step got; <see cref="Step"/> is the step's code (a <see cref="Domain.Planning.StepKind"/> name), named in the reader's language.</summary>
public sealed record CompletionRate(string Step, int Completed, int Total);

public sealed record ManagerRelease(Uri TeamOutcomesLink, int ReportCount) : EmailContent
{
    public override EmailKind Kind => EmailKind.ManagerRelease;
}

public sealed record EmployeeRelease(Uri OutcomeLink) : EmailContent
{
    public override EmailKind Kind => EmailKind.EmployeeRelease;
}

public enum FollowUpPlan
{
    DevelopmentPlan,
    ImprovementPlan,
}

/// <summary>A durable follow-up (by default 3 and 6 months after the decision) for a development or improvement plan.</summary>
public sealed record FollowUpReminder(Uri Link, string EmployeeName, FollowUpPlan Plan, DateOnly DueDate, int FollowUpNumber) : EmailContent
{
    public override EmailKind Kind => EmailKind.FollowUpReminder;
}

/// <summary>Tells a newly assigned manager that a review moved to them, with a fresh link.</summary>
public sealed record ManagerReassigned(Uri TeamLink, string EmployeeName, DateOnly Deadline) : EmailContent
{
    public override EmailKind Kind => EmailKind.ManagerReassigned;
}

public sealed record CycleCancelled(string Reason) : EmailContent
{
    public override EmailKind Kind => EmailKind.CycleCancelled;
}
