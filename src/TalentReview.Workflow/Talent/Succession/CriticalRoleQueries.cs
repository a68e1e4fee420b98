using TalentReview.Domain.Talent.Succession;

namespace TalentReview.Workflow.Talent.Succession;

/// <summary>
/// A critical role (or one unmarked since) as HR and leadership read it: the role with its bench, the version to change it from,
/// the successors the latest calibration suggests (and from which cycle), and every change so far.
/// </summary>
public sealed record CriticalRoleView(
    CriticalRole Role,
    string Version,
    IReadOnlyList<SuggestedSuccessor> Suggestions,
    string? CalibrationCycleName,
    IReadOnlyList<TalentAuditDocument> History);

public sealed class CriticalRoleQueries(TalentStore talent, LatestCalibration calibration)
{
    /// <summary>Every role still critical, the least covered first (nobody ready now), then by department and title.</summary>
    public async Task<IReadOnlyList<CriticalRole>> ListAsync(CancellationToken cancellationToken = default)
        => [.. (await talent.ListRolesAsync(cancellationToken))
            .Where(r => r.IsCritical)
            .OrderBy(r => r.Bench.Rating)
            .ThenBy(r => r.Department, StringComparer.InvariantCulture)
            .ThenBy(r => r.Title, StringComparer.InvariantCulture)];

    public async Task<CriticalRoleView?> GetAsync(string roleId, CancellationToken cancellationToken = default)
    {
        if (await talent.ReadRoleAsync(roleId, cancellationToken) is not { } stored)
        {
            return null;
        }

        // A role no longer critical suggests nobody.
        var snapshot = stored.Value.IsCritical ? await calibration.ReadAsync(SuccessorSuggestions.SuccessorBoxes, cancellationToken) : null;
        return new CriticalRoleView(
            stored.Value,
            stored.ETag,
            snapshot is null ? [] : SuccessorSuggestions.For(stored.Value, snapshot.People),
            snapshot?.CycleName,
            await talent.RoleAuditAsync(roleId, cancellationToken));
    }
}
