using System.Globalization;
using TalentReview.Durable.Embedded.Time;
using TalentReview.Local.Hosting;

namespace TalentReview.Local.TimeControl;

public static class TimeControlRegistration
{
    /// <summary>The setting that says where the virtual clock starts on first start (e.g. <c>--Clock:Start 2026-03-02T03:00:00Z</c>).</summary>
    public const string StartKey = "Clock:Start";

    /// <summary>
    /// Runs the whole host on a virtual clock (the engine, the workflow, link expiry). On first start
    /// it starts at <c>Clock:Start</c> when given, else at the real now; on every later start it
    /// resumes where it stood, whatever the setting says, as the engine's timers are in virtual time.
    /// </summary>
    public static IServiceCollection AddLocalVirtualTime(this IServiceCollection services, string dataFolder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var file = new VirtualClockFile(dataFolder);
        var clock = new VirtualTimeProvider(file.Load() ?? ConfiguredStart(configuration[StartKey]) ?? TimeProvider.System.GetUtcNow());
        services.AddSingleton(file);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<TimeControlService>();
        services.AddHostedService<VirtualClockTicker>();
        services.AddSingleton<IStartupBannerLine>(new BannerLine());
        return services;
    }

    /// <summary>A moment without an offset is taken as UTC, never as the machine's zone.</summary>
    private static DateTimeOffset? ConfiguredStart(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            ? start
            : throw new InvalidOperationException($"The setting {StartKey} is '{text}', which is not a moment: give one such as 2026-03-02T03:00:00Z.");
    }

    private sealed class BannerLine : IStartupBannerLine
    {
        public string Describe(string baseUrl) => $"time control: {baseUrl}{TimeControlEndpoints.PagePath} (advance to the next deadline)";
    }
}
