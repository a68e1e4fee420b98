using TalentReview.Workflow.Notifications;

namespace TalentReview.Workflow.Storage;

/// <summary>
/// The latest email the provider refused for one person of a cycle (an employee, a manager or a contact):
/// whom, which email of which wave, the provider's reason, and when. HR reads it on the cycle's page.
/// </summary>
public sealed record DeliveryProblemDocument(string CycleId, string EmployeeId, string Name, EmailKind Kind, string WaveId, string Reason, DateTimeOffset At);
