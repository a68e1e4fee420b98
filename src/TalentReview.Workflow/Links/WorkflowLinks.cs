using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Links;

/// <summary>
/// The links the workflow sends, built one way everywhere. Team, escalation, board, decisions and release links
/// use fixed nonces per purpose; per-employee links use the participant's nonces, which change when a
/// link must stop working (a manager change).
/// </summary>
public sealed class WorkflowLinks(ILinkSigner signer)
{
    /// <summary>How long a link keeps working after its step's deadline (late input, reading outcomes).</summary>
    public static readonly TimeSpan ValidAfterDeadline = TimeSpan.FromDays(30);

    public const string TeamNonce = "team";
    public const string EscalationNonce = "escalation";
    public const string BoardNonce = "board";
    public const string DecisionsNonce = "decisions";
    public const string ReleaseNonce = "release";

    public Uri SelfAssessment(ParticipantDocument participant, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return Create(participant.CycleId, participant.EmployeeId, participant.EmployeeId, LinkStep.SelfAssessment, deadline, participant.SelfAssessmentNonce);
    }

    /// <summary>A manager's team page: every report still waiting for their input.</summary>
    public Uri Team(string cycleId, string managerId, DateTimeOffset deadline)
        => Create(cycleId, managerId, managerId, LinkStep.ManagerInput, deadline, TeamNonce);

    /// <summary>The page where a skip-level manager or HR gives overdue input in the manager's place.</summary>
    public Uri Escalation(string cycleId, string subjectId, string recipientId, DateTimeOffset deadline)
        => Create(cycleId, subjectId, recipientId, LinkStep.ManagerInput, deadline, EscalationNonce);

    public Uri Board(string cycleId, string groupId, string calibratorId, DateTimeOffset deadline)
        => Create(cycleId, groupId, calibratorId, LinkStep.CalibrationBoard, deadline, BoardNonce);

    /// <summary>The page where a group's calibrators (or HR, once overdue) amend and confirm the proposed decisions.</summary>
    public Uri Decisions(string cycleId, string groupId, string recipientId, DateTimeOffset deadline)
        => Create(cycleId, groupId, recipientId, LinkStep.DecisionConfirmation, deadline, DecisionsNonce);

    public Uri LeadershipSummary(string cycleId, string recipientId, DateTimeOffset until)
        => Create(cycleId, cycleId, recipientId, LinkStep.LeadershipSummary, until, ReleaseNonce);

    public Uri TeamOutcomes(string cycleId, string managerId, DateTimeOffset releasedAt)
        => Create(cycleId, managerId, managerId, LinkStep.TeamOutcomes, releasedAt, ReleaseNonce);

    public Uri EmployeeOutcome(ParticipantDocument participant, DateTimeOffset releasedAt)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return Create(participant.CycleId, participant.EmployeeId, participant.EmployeeId, LinkStep.EmployeeOutcome, releasedAt, participant.OutcomeNonce);
    }

    public Uri FollowUp(string cycleId, string employeeId, string managerId, DateTimeOffset due)
        => Create(cycleId, employeeId, managerId, LinkStep.FollowUp, due, ReleaseNonce);

    private Uri Create(string cycleId, string subjectId, string recipientId, LinkStep step, DateTimeOffset deadline, string nonce)
        => signer.CreateLink(new LinkClaims(cycleId, subjectId, recipientId, step, deadline + ValidAfterDeadline, nonce));
}
