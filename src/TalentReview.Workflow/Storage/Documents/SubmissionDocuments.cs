using System.Text.Json.Serialization;
using TalentReview.Domain.Forms;

namespace TalentReview.Workflow.Storage;

/// <summary>
/// An employee's self-assessment: the draft while they write, the submission once sent.
/// A repeated submission never replaces the first; it is counted, so it is visible (after the step closed, nothing is taken). The counters
/// are stored only when set: they are rare, and a submission just over 1 KB costs a second KB per write.
/// </summary>
public sealed record SelfAssessmentDocument(
    string CycleId,
    string EmployeeId,
    SelfAssessment? Draft,
    SelfAssessment? Submitted,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int RepeatedSubmissions = 0);

/// <summary>The manager's input for one report (<see cref="SubmittedBy"/> differs from the manager after an escalation).</summary>
public sealed record ManagerInputDocument(
    string CycleId,
    string EmployeeId,
    ManagerInput? Draft,
    ManagerInput? Submitted,
    string? SubmittedBy,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int RepeatedSubmissions = 0);

/// <summary>An employee's acknowledgement of their released outcome, with an optional comment.</summary>
public sealed record AcknowledgementDocument(string CycleId, string EmployeeId, DateTimeOffset AcknowledgedAt, string? Comment, int RepeatedAcknowledgements = 0);
