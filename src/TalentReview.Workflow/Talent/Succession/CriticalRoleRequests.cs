using TalentReview.Domain.Talent.Succession;

namespace TalentReview.Workflow.Talent.Succession;

/// <summary>Mark the role the incumbent holds (department, job title, level of the latest roster) as critical; <see cref="Title"/> overrides the job title.</summary>
public sealed record MarkCriticalRole(string? IncumbentId, string? Title, LossLevel? RiskOfLoss, LossLevel? ImpactOfLoss);

/// <summary>Change a role's title, risk and impact; <see cref="Version"/> is the version the person saw (a stale one is refused).</summary>
public sealed record ChangeCriticalRole(string? Title, LossLevel? RiskOfLoss, LossLevel? ImpactOfLoss, string? Version);

/// <summary>Confirm someone as a successor (or change their readiness).</summary>
public sealed record NominateSuccessor(string? EmployeeId, SuccessorReadiness? Readiness, string? Note);

/// <summary>Take someone off a role's bench, with the reason.</summary>
public sealed record RemoveSuccessor(string? EmployeeId, string? Reason);

/// <summary>HR says a role is no longer critical, with the reason; <see cref="Confirmed"/> must be true (its successors' nominations close).</summary>
public sealed record UnmarkCriticalRole(string? Reason, bool? Confirmed);
