namespace TalentReview.Web.Talent.Succession;

/// <summary>The critical roles and talent pool pages, for other pages to link to.</summary>
public static class SuccessionPaths
{
    public const string CriticalRoles = CriticalRolePages.ListPath;

    public const string TalentPools = Pools.PoolPaths.List;
}
