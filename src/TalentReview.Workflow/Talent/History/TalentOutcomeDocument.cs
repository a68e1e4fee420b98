using TalentReview.Domain.Talent.History;

namespace TalentReview.Workflow.Talent.History;

/// <summary>A kept outcome as stored: <c>employeeId</c> and <c>cycleId</c> on top, so queries, the export and the purge can find it.</summary>
public sealed record TalentOutcomeDocument(string EmployeeId, string CycleId, TalentOutcome Outcome);
