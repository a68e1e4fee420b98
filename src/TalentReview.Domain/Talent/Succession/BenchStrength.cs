namespace TalentReview.Domain.Talent.Succession;

/// <summary>How well a role is covered: strong with two or more ready now, adequate with one, weak with only later successors, none without any.</summary>
public enum BenchRating
{
    None,
    Weak,
    Adequate,
    Strong,
}

/// <summary>A critical role's successors counted by readiness.</summary>
public sealed record BenchStrength(int ReadyNow, int InOneToTwoYears, int InThreeYearsOrMore)
{
    public int Total => ReadyNow + InOneToTwoYears + InThreeYearsOrMore;

    /// <summary>The flag HR acts on: nobody could take the role over today.</summary>
    public bool NobodyReadyNow => ReadyNow == 0;

    public BenchRating Rating => ReadyNow >= 2 ? BenchRating.Strong
        : ReadyNow == 1 ? BenchRating.Adequate
        : Total > 0 ? BenchRating.Weak
        : BenchRating.None;

    public static BenchStrength Of(IEnumerable<Successor> successors)
    {
        ArgumentNullException.ThrowIfNull(successors);
        var list = successors.ToList();
        return new BenchStrength(
            list.Count(s => s.Readiness == SuccessorReadiness.ReadyNow),
            list.Count(s => s.Readiness == SuccessorReadiness.InOneToTwoYears),
            list.Count(s => s.Readiness == SuccessorReadiness.InThreeYearsOrMore));
    }
}

/// <summary>The share of critical roles with at least one successor ready now (null without critical roles).</summary>
public sealed record SuccessionCoverage(int CriticalRoles, int WithReadySuccessor)
{
    public decimal? Share => CriticalRoles == 0 ? null : Math.Round((decimal)WithReadySuccessor / CriticalRoles, 4);

    public static SuccessionCoverage Of(IEnumerable<CriticalRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles.ToList();
        return new SuccessionCoverage(list.Count, list.Count(r => !r.Bench.NobodyReadyNow));
    }
}
