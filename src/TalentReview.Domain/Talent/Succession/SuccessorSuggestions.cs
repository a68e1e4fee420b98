using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Talent.Succession;

/// <summary>A person the grid, readiness and aspiration point to for a role, with the readiness they would start with.</summary>
public sealed record SuggestedSuccessor(CalibratedTalent Talent, SuccessorReadiness Readiness, bool SameDepartment);

/// <summary>
/// Who could succeed to a critical role, from the latest calibration: people placed with high potential,
/// or high performance and moderate potential (boxes 6 to 9), who did not say they want to stay put, step
/// back or leave. Never the incumbent, never someone already on the bench. Readiness follows the manager's
/// (no input: three years or more). Best first: readiness, box, the role's own department, then name.
/// </summary>
public static class SuccessorSuggestions
{
    public const int MaxSuggestions = 10;

    private static readonly GridBox[] BestFirst = [GridBox.Star, GridBox.EmergingTalent, GridBox.HighPerformer, GridBox.RoughDiamond];

    /// <summary>The boxes successors come from, best first.</summary>
    public static IReadOnlyList<GridBox> SuccessorBoxes => BestFirst;

    private static readonly CareerAspiration[] NotLookingUp = [CareerAspiration.Stay, CareerAspiration.StepBack, CareerAspiration.ExternalMove];

    public static bool CouldSucceed(CalibratedTalent talent)
    {
        ArgumentNullException.ThrowIfNull(talent);
        return BestFirst.Contains(talent.Box) && (talent.Aspiration is not { } aspiration || !NotLookingUp.Contains(aspiration));
    }

    public static SuccessorReadiness ReadinessOf(PromotionReadiness? readiness) => readiness switch
    {
        PromotionReadiness.ReadyNow => SuccessorReadiness.ReadyNow,
        PromotionReadiness.InOneToTwoYears => SuccessorReadiness.InOneToTwoYears,
        _ => SuccessorReadiness.InThreeYearsOrMore,
    };

    public static IReadOnlyList<SuggestedSuccessor> For(CriticalRole role, IEnumerable<CalibratedTalent> talent, int max = MaxSuggestions)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(talent);
        var bench = role.Successors.Select(s => s.EmployeeId).ToHashSet(StringComparer.Ordinal);
        return [.. talent
            .Where(t => t.EmployeeId != role.IncumbentId && !bench.Contains(t.EmployeeId) && CouldSucceed(t))
            .Select(t => new SuggestedSuccessor(t, ReadinessOf(t.Readiness), string.Equals(t.Department, role.Department, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Readiness)
            .ThenBy(s => Array.IndexOf(BestFirst, s.Talent.Box))
            .ThenByDescending(s => s.SameDepartment)
            .ThenBy(s => s.Talent.Name, StringComparer.InvariantCulture)
            .ThenBy(s => s.Talent.EmployeeId, StringComparer.Ordinal)
            .Take(max)];
    }
}
