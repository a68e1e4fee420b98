using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using TalentReview.Durable.Embedded;
using TalentReview.Local.Configuration;
using TalentReview.Local.Dev;
using TalentReview.Local.Hr;
using TalentReview.Local.Mailbox;
using TalentReview.Local.Seeding;
using TalentReview.Local.TimeControl;
using TalentReview.Web.Security;
using TalentReview.Workflow;

namespace TalentReview.Local.Hosting;

public static class LocalHostRegistration
{
    public const string EngineFileName = "engine.db";

    public const string KeysFolderName = "keys";

    /// <summary>The embedded durable engine with the workflow's orchestrations, persisted in the data folder.</summary>
    public static IServiceCollection AddLocalDurableEngine(this IServiceCollection services, LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services.AddEmbeddedDurableEngine(
            registry => registry.AddTalentReviewWorkflow(),
            engine =>
            {
                engine.DatabasePath = Path.Combine(options.FullDataFolder, EngineFileName);
                engine.DataConverter = DurablePayloads.Converter;
            });
    }

    /// <summary>
    /// The data-protection keys (antiforgery tokens, sign-in cookies) in the data folder, so a restart
    /// does not turn every open form and session into an error.
    /// </summary>
    public static IServiceCollection AddLocalKeyRing(this IServiceCollection services, LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.FullDataFolder, KeysFolderName)));
        return services;
    }

    /// <summary>The local host's own pages and services: demo seed, HR page, time control, start-up banner, health.</summary>
    public static IServiceCollection AddLocalDevelopmentPages(this IServiceCollection services)
    {
        services.AddSingleton<DemoRosterFile>();
        services.AddHostedService<DemoSeeding>();
        services.AddSingleton<CycleLauncher>();
        services.AddSingleton<IDeadlineCalendar, CycleDeadlineCalendar>();
        services.AddHostedService<StartupBanner>();
        services.AddSingleton<IStartupBannerLine>(new BannerLine());
        services.AddLocalHealthChecks();

        // Sign-in sessions run on the real clock: jumping virtual weeks ahead must not sign HR out.
        services.PostConfigureAll<CookieAuthenticationOptions>(cookie => cookie.TimeProvider = TimeProvider.System);
        return services;
    }

    public static WebApplication MapLocalDevelopmentPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapLocalHealth();
        app.MapGet("/", () => Results.Redirect(DevPage.Home)).ExcludeFromDescription();
        // The development pages and APIs change state with the HR sign-in cookie: no request from another site may do that.
        var dev = app.MapGroup(string.Empty).RefuseCrossSiteWrites();
        dev.MapDevHome();
        dev.MapHrPage();
        dev.MapTimeControl();
        dev.MapLocalDevMailbox();
        return app;
    }

    private sealed class BannerLine : IStartupBannerLine
    {
        public string Describe(string baseUrl) => $"start here: {baseUrl}{DevPage.Home} — sign in as HR (Hanne Claes) at {baseUrl}/dev/sign-in, then launch the demo cycle at {baseUrl}{HrPageEndpoints.PagePath}";
    }
}
