using Microsoft.DurableTask;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Resilience;

/// <summary>
/// A step that cannot go on: at which step, why (the failure's type and message), and since when. A stall of one
/// calibration group (or of its follow-ups) names the group: <see cref="GroupId"/> (where HR's retry goes) and
/// <see cref="Group"/> (its name, as HR reads it). A stall of one employee's review also names the review:
/// <see cref="EmployeeId"/> (where the retry goes) and <see cref="Person"/> (their name, for HR's page only).
/// </summary>
public sealed record CycleStall(
    string Step, string Reason, DateTimeOffset Since, string? GroupId = null, string? Group = null, bool FollowUps = false, string? EmployeeId = null, string? Person = null)
{
    /// <summary>The orchestration that waits for HR's retry.</summary>
    public string InstanceIdIn(CycleDocument cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return EmployeeId is { } employeeId ? InstanceIds.Review(cycle.CycleId, employeeId)
            : GroupId is null ? InstanceIds.Cycle(cycle)
            : FollowUps ? InstanceIds.FollowUp(cycle.CycleId, GroupId)
            : InstanceIds.Group(cycle.CycleId, GroupId);
    }
}

/// <summary>Where a step runs: the cycle itself, one calibration group, one group's follow-ups, or one employee's review (of that group).</summary>
public sealed record StallSite(string CycleId, string? GroupId = null, bool FollowUps = false, string? EmployeeId = null);

/// <param name="Stall">The stall to show HR, or null once HR asked to retry.</param>
/// <param name="GroupId">The group it belongs to; null: the cycle's own step.</param>
/// <param name="FollowUps">The group's follow-ups, which run after the group finished.</param>
/// <param name="EmployeeId">The employee whose review it is; null: the group's own step.</param>
public sealed record StallReport(string CycleId, CycleStall? Stall, string? GroupId = null, bool FollowUps = false, string? EmployeeId = null);

/// <summary>HR asked a stalled cycle to try its step again (after fixing the cause).</summary>
public sealed record RetryRequestedEvent(string CycleId, string RequestedBy, DateTimeOffset At);

/// <summary>What HR reads of a cycle's stalls: its own first, then its groups' in the order they stalled; none once it is cancelled.</summary>
public static class CycleStalls
{
    public static IReadOnlyList<CycleStall> Of(CycleDocument cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.State == CycleState.Cancelled)
        {
            return [];
        }

        return [.. (cycle.Stall is { } own ? [own] : Array.Empty<CycleStall>()), .. (cycle.GroupStalls ?? []).OrderBy(s => s.Since).ThenBy(s => s.Group, StringComparer.Ordinal)];
    }
}

/// <summary>
/// Writes (or clears) a stall on the cycle, where the HR page, the HR API and the cycle list read it: the cycle's own,
/// or a group's (or one review's of that group) among the cycle's group stalls (named as HR knows the group and the person). Idempotent.
/// </summary>
public sealed class RecordStall(ReviewStore store) : TaskActivity<StallReport, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StallReport input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.GroupId is not { } groupId)
        {
            return await store.UpdateCycleAsync(input.CycleId, c => c with { Stall = input.Stall }, CancellationToken.None) is not null;
        }

        var group = input.Stall is null ? null : await store.GetGroupAsync(input.CycleId, groupId, CancellationToken.None);
        var person = input.Stall is null || input.EmployeeId is null ? null : await store.GetParticipantAsync(input.CycleId, input.EmployeeId, CancellationToken.None);
        var stall = input.Stall is null ? null : input.Stall with
        {
            GroupId = groupId, Group = group?.Name ?? groupId, FollowUps = input.FollowUps, EmployeeId = input.EmployeeId, Person = input.EmployeeId is null ? null : person?.Name ?? input.EmployeeId,
        };
        return await store.UpdateCycleAsync(
            input.CycleId,
            c =>
            {
                var others = (c.GroupStalls ?? []).Where(s => s.GroupId != groupId || s.FollowUps != input.FollowUps || s.EmployeeId != input.EmployeeId);
                var stalls = stall is null ? others.ToList() : [.. others, stall];
                return c with { GroupStalls = stalls.Count == 0 ? null : stalls };
            },
            CancellationToken.None) is not null;
    }
}
