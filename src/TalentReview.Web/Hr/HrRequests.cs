using System.Text.Json;
using TalentReview.Domain.Planning;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Hr;

/// <summary>
/// Launching a cycle. Either a full <see cref="Plan"/>, or a <see cref="Name"/> and <see cref="Start"/>
/// for the default six-week plan. The roster is a JSON array (<see cref="Roster"/>) or CSV text
/// (<see cref="RosterCsv"/>); in a multipart request it is the file part named <c>roster</c>.
/// <see cref="TimeZone"/> (an IANA id, Europe/Brussels by default) and <see cref="WorkingHour"/> (HH:mm,
/// 09:00 by default) say when the cycle's emails go out and in which zone its dates are read; they
/// override a full plan's <c>time</c>.
/// </summary>
public sealed record LaunchCycleBody(
    string? Name = null,
    DateOnly? Start = null,
    string? CycleId = null,
    CyclePlan? Plan = null,
    JsonElement? Roster = null,
    string? RosterCsv = null,
    IReadOnlyList<Contact>? Hr = null,
    IReadOnlyList<Contact>? Leadership = null,
    IReadOnlyList<string>? HrCalibrators = null,
    string? PreviousCycleId = null,
    string? TimeZone = null,
    string? WorkingHour = null);

public sealed record LaunchCycleResponse(string CycleId, string Status);

public sealed record ExtendDeadlineBody(StepKind? Step, DateOnly? NewDeadline);

public sealed record ReassignManagerBody(string? EmployeeId, string? NewManagerId);

public sealed record CancelCycleBody(string? Reason);

/// <summary>Whom to nudge: an employee (about their self-assessment) or a manager (about their reports' input), not both.</summary>
public sealed record NudgeBody(string? EmployeeId, string? ManagerId);

/// <param name="Status">sent, or alreadySent when the same Idempotency-Key was nudged before.</param>
public sealed record NudgeResponse(string Status);

/// <param name="Finished">False when running follow-ups were stopped first: repeat the purge to remove the rest.</param>
public sealed record PurgeResponse(string CycleId, int DocumentsDeleted, int InstancesPurged, bool Finished);
