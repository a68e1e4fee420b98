using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow;

/// <summary>
/// Deterministic orchestration instance ids (opaque ids only, never names), so every start is
/// idempotent and every event can be addressed without a lookup.
/// </summary>
public static class InstanceIds
{
    public static string Cycle(string cycleId) => $"cycle-{cycleId}";

    /// <summary>
    /// The cycle's current workflow: the launch's, or after HR resumed (or cancelled) a failed workflow, the fresh one started
    /// under an id of its own, so nothing the failed one left behind (a group finishing late) reaches the new one.
    /// </summary>
    public static string Cycle(CycleDocument cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return CycleGeneration(cycle.CycleId, cycle.Recoveries?.Count ?? 0);
    }

    /// <param name="generation">0: the launch's workflow; n: the one HR's n-th recovery of a failed workflow started.</param>
    public static string CycleGeneration(string cycleId, int generation)
        => generation == 0 ? Cycle(cycleId) : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ResumedCyclePrefix(cycleId)}{generation}");

    /// <summary>The prefix of the workflows started by HR's recoveries (for purge); never the prefix of another cycle's.</summary>
    public static string ResumedCyclePrefix(string cycleId) => $"cycle-{cycleId}-resume";

    public static string Group(string cycleId, string groupId) => $"group-{cycleId}-{groupId}";

    public static string Review(string cycleId, string employeeId) => ReviewPrefix(cycleId) + employeeId;

    /// <summary>The prefix of every review of one cycle (see <see cref="ChildPrefixes"/>).</summary>
    public static string ReviewPrefix(string cycleId) => $"review-{cycleId}-";

    /// <param name="retries">How often HR retried the wave after a stall: each try is an instance of its own.</param>
    /// <param name="generation">The cycle workflow's generation (see <see cref="CycleGeneration"/>): a resumed cycle's waves are instances of their own.</param>
    public static string Wave(string cycleId, string waveId, int retries = 0, int generation = 0)
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"wave-{cycleId}-{waveId}{(generation == 0 ? string.Empty : $"-resume{generation}")}{(retries == 0 ? string.Empty : $"-retry{retries}")}");

    public static string FollowUp(string cycleId, string groupId) => $"followup-{cycleId}-{groupId}";

    /// <summary>
    /// Every instance a cycle starts has one of these prefixes (for cancel and purge). Cycle ids are
    /// letters and digits only, so one cycle's prefix never matches another cycle's instances.
    /// </summary>
    public static IReadOnlyList<string> ChildPrefixes(string cycleId) =>
        [$"group-{cycleId}-", ReviewPrefix(cycleId), $"wave-{cycleId}-", $"followup-{cycleId}-"];
}
