using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Calibration;

/// <summary>
/// A calibration group's custom status: what the cycle status aggregates per group. Counts come
/// from the reviews' ready signals, so HR sees progress without a scan of the documents. <see cref="Overdue"/>
/// comes from the group's document: a board past its deadline says so, and how far it was escalated.
/// </summary>
public sealed record GroupProgress(
    string GroupId,
    GroupPhase Phase,
    int Members,
    int ReviewsStarted,
    int Ready,
    int SelfAssessmentsSubmitted,
    int ManagerInputsSubmitted,
    BoardOverdue? Overdue = null);
