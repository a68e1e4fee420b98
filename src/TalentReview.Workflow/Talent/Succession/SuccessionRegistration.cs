using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TalentReview.Workflow.Talent.Indicators;
using TalentReview.Workflow.Talent.Pools;

namespace TalentReview.Workflow.Talent.Succession;

/// <summary>Critical roles, successors and talent pools: their store, reader of the latest calibration and use cases.</summary>
public static class SuccessionRegistration
{
    public static IServiceCollection AddTalentSuccession(this IServiceCollection services)
    {
        services.TryAddSingleton<TalentStore>();
        services.TryAddSingleton<LatestCalibration>();
        services.TryAddSingleton<CriticalRoleCommands>();
        services.TryAddSingleton<CriticalRoleQueries>();
        services.TryAddSingleton<SuccessionCoverageQuery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITalentIndicatorSource, SuccessionIndicatorSource>());
        services.TryAddSingleton<TalentPoolCommands>();
        services.TryAddSingleton<TalentPoolQueries>();
        return services;
    }
}
