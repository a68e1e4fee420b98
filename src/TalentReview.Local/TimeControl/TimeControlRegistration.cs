using TalentReview.Durable.Embedded.Time;
using TalentReview.Local.Hosting;

namespace TalentReview.Local.TimeControl;

public static class TimeControlRegistration
{
    /// <summary>
    /// Runs the whole host on a virtual clock (the engine, the workflow, link expiry), starting at
    /// the real now on first start and where it stood on every later start.
    /// </summary>
    public static IServiceCollection AddLocalVirtualTime(this IServiceCollection services, string dataFolder)
    {
        var file = new VirtualClockFile(dataFolder);
        var clock = new VirtualTimeProvider(file.Load() ?? TimeProvider.System.GetUtcNow());
        services.AddSingleton(file);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<TimeControlService>();
        services.AddHostedService<VirtualClockTicker>();
        services.AddSingleton<IStartupBannerLine>(new BannerLine());
        return services;
    }

    private sealed class BannerLine : IStartupBannerLine
    {
        public string Describe(string baseUrl) => $"time control: {baseUrl}{TimeControlEndpoints.PagePath} (advance to the next deadline)";
    }
}
