using Microsoft.AspNetCore.Routing;
using TalentReview.Web.Talent.Pools;

namespace TalentReview.Web.Talent.Succession;

/// <summary>Maps the critical roles and talent pools: their HR pages and their part of the HR API.</summary>
internal static class SuccessionEndpoints
{
    public static IEndpointRouteBuilder MapTalentSuccession(this IEndpointRouteBuilder routes)
    {
        routes.MapCriticalRolePages();
        routes.MapCriticalRoleApi();
        routes.MapPoolPages();
        routes.MapPoolApi();
        return routes;
    }
}
