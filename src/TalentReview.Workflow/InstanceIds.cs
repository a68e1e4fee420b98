namespace TalentReview.Workflow;

/// <summary>
/// Deterministic orchestration instance ids (opaque ids only, never names), so every start is
/// idempotent and every event can be addressed without a lookup.
/// </summary>
public static class InstanceIds
{
    public static string Cycle(string cycleId) => $"cycle-{cycleId}";

    public static string Group(string cycleId, string groupId) => $"group-{cycleId}-{groupId}";

    public static string Review(string cycleId, string employeeId) => ReviewPrefix(cycleId) + employeeId;

    /// <summary>The prefix of every review of one cycle (see <see cref="ChildPrefixes"/>).</summary>
    public static string ReviewPrefix(string cycleId) => $"review-{cycleId}-";

    /// <param name="retries">How often HR retried the wave after a stall: each try is an instance of its own.</param>
    public static string Wave(string cycleId, string waveId, int retries = 0)
        => retries == 0 ? $"wave-{cycleId}-{waveId}" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"wave-{cycleId}-{waveId}-retry{retries}");

    public static string FollowUp(string cycleId, string groupId) => $"followup-{cycleId}-{groupId}";

    /// <summary>
    /// Every instance a cycle starts has one of these prefixes (for cancel and purge). Cycle ids are
    /// letters and digits only, so one cycle's prefix never matches another cycle's instances.
    /// </summary>
    public static IReadOnlyList<string> ChildPrefixes(string cycleId) =>
        [$"group-{cycleId}-", ReviewPrefix(cycleId), $"wave-{cycleId}-", $"followup-{cycleId}-"];
}
