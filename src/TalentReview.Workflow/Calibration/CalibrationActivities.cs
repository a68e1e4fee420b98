using TalentReview.Domain.Planning;
using TalentReview.Workflow.Notifications;

namespace TalentReview.Workflow.Calibration;

/// <summary>A calibration group of a cycle.</summary>
public sealed record GroupRef(string CycleId, string GroupId);

public sealed record PacketSummary(int Members, int Rated, int InHoldingArea);

/// <param name="WaveId">Names the notice (e.g. <c>calibration-ready</c> or a reminder's milestone id).</param>
/// <param name="Overdue">Once the deadline passed, whom it is escalated to: the committee, then HR, then leadership (decisions: HR).</param>
/// <param name="Step">Calibration links to the board; Decisions to the decision confirmation page.</param>
public sealed record CalibratorNotice(string CycleId, string GroupId, string WaveId, bool Reminder, OverdueStage Overdue, StepKind Step = StepKind.Calibration);
