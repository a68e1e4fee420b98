namespace TalentReview.Workflow.Cycle;

public enum CyclePhase
{
    Preparing,
    SelfAssessment,
    ManagerInput,
    Calibration,
    /// <summary>Every group's decisions are final: the release gate, waiting for HR to release to managers.</summary>
    WaitingForRelease,
    LeadershipSummary,
    ReleasingToManagers,

    /// <summary>Managers have their team's outcomes; waiting for the conversation window to end (or HR) to release to employees.</summary>
    ReleasedToManagers,
    Releasing,
    Released,
    Cancelled,
}

/// <summary>Counts for one step, known once the timeline closed it (reconciled submissions included).</summary>
public sealed record StepCounts(int Submitted, int Missing);

/// <summary>The cycle orchestration's custom status: where the timeline is, and what the closes counted.</summary>
public sealed record CycleProgress(
    CyclePhase Phase,
    int Participants,
    int Groups,
    string? LastMilestone,
    StepCounts? SelfAssessment,
    StepCounts? ManagerInput,
    int EmailsSent);
