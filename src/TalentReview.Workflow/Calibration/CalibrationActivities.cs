using TalentReview.Domain.Planning;

namespace TalentReview.Workflow.Calibration;

/// <summary>A calibration group of a cycle.</summary>
public sealed record GroupRef(string CycleId, string GroupId);

public sealed record PacketSummary(int Members, int Rated, int InHoldingArea);

/// <param name="WaveId">Names the notice (e.g. <c>calibration-ready</c> or a reminder's milestone id).</param>
/// <param name="ToHr">True when the deadline passed: HR is told instead of (not only) the calibrators.</param>
/// <param name="Step">Calibration links to the board; Decisions to the decision confirmation page.</param>
public sealed record CalibratorNotice(string CycleId, string GroupId, string WaveId, bool Reminder, bool ToHr, StepKind Step = StepKind.Calibration);
