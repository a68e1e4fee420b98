namespace TalentReview.Workflow.Storage;

/// <summary>Whom HR nudged: an employee about their self-assessment, or a manager about their reports' input.</summary>
public enum NudgeTarget
{
    Person,
    Manager,
}

/// <summary>HR's latest nudge of one person in one role: when and by whom. HR reads it on the cycle's page.</summary>
public sealed record NudgeDocument(string CycleId, string EmployeeId, NudgeTarget Target, DateTimeOffset At, string By);
