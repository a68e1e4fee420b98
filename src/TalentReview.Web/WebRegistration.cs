using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using System.Text.Json.Serialization;
using TalentReview.Web.Calibration;
using TalentReview.Web.Decisions;
using TalentReview.Web.Errors;
using TalentReview.Web.Hr;
using TalentReview.Web.Hr.Console;
using TalentReview.Web.Hr.Export;
using TalentReview.Web.Links;
using TalentReview.Web.Outcome;
using TalentReview.Web.RateLimiting;
using TalentReview.Web.SelfAssessment;
using TalentReview.Web.Summary;
using TalentReview.Web.Team;
using TalentReview.Web.Security;
using TalentReview.Web.Talent;
using TalentReview.Web.Talent.FollowUp;
using TalentReview.Web.Talent.Profile;

namespace TalentReview.Web;

/// <summary>The web layer for both hosts: the link pages, the HR API and sign-in. The host supplies the workflow, store, signer and email.</summary>
public static class WebRegistration
{
    public const string FormLimitsSection = "TalentReview:Web:Forms";

    public static IServiceCollection AddTalentReviewWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebFormLimits>().BindConfiguration(FormLimitsSection);
        services.AddSingleton<BoundedFormReader>();
        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section)
            .Validate(o => Enum.GetValues<RequestLimit>().All(l => o.For(l).Permits > 0 && o.For(l).Window > TimeSpan.Zero), $"Every limit under {RequestLimitOptions.Section} needs Permits above 0 and a Window longer than zero.")
            .ValidateOnStart();
        services.AddSingleton<RequestLimiter>();
        services.AddSingleton<LinkDispatcher>();
        services.AddSingleton<ILinkStepHandler, SelfAssessmentLinkHandler>();
        services.AddSingleton<ILinkStepHandler, TeamLinkHandler>();
        services.AddSingleton<ILinkStepHandler, BoardLinkHandler>();
        services.AddSingleton<ILinkStepHandler, DecisionsLinkHandler>();
        services.AddSingleton<ILinkStepHandler, OutcomeLinkHandler>();
        services.AddSingleton<ILinkStepHandler, SummaryLinkHandler>();
        services.AddSingleton<ILinkStepHandler, TeamOutcomesLinkHandler>();
        services.AddSingleton<ILinkStepHandler, FollowUpLinkHandler>();
        services.AddSingleton<ILinkStepHandler, TalentProfileLinkHandler>();
        services.AddSingleton<ProfileReferences>();
        services.AddSingleton<ReportingLineProfiles>();
        services.AddSingleton<FollowUpRecording>();
        services.TryAddSingleton<ILinkRenewal, WorkflowLinkRenewal>();
        services.AddSingleton<LaunchRequestReader>();
        services.AddSingleton<CycleResultsExport>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        // One application name, so every instance and every restart reads the same key ring (each host says where it is kept).
        services.AddDataProtection().SetApplicationName("TalentReview");
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "TalentReview.Antiforgery";
            options.FormFieldName = "__rvt";
            options.SuppressXFrameOptionsHeader = true;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ExceptionAnswers>();
        services.AddTransient<IStartupFilter, ExceptionAnswers.StartupFilter>();
        services.AddOpenApi(CrossSiteOpenApi.Describe);
        services.AddTalentReviewSecurity(configuration);
        services.AddTransient<IStartupFilter, SecurityHeaders.StartupFilter>();
        return services;
    }

    /// <summary>Maps every endpoint. Authentication and authorization middleware must run (WebApplication adds them itself).</summary>
    public static IEndpointRouteBuilder MapTalentReviewWeb(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        // Every state-changing endpoint refuses requests a browser sent from another site.
        var web = routes.MapGroup(string.Empty).RefuseCrossSiteWrites();
        web.MapLinkPages();
        Talent.Succession.SuccessionEndpoints.MapTalentSuccession(web);
        web.MapHrApi();
        web.MapHrConsole();
        web.MapCycleSetup();
        web.MapHrTalent();
        routes.MapOpenApi();
        if (routes.ServiceProvider.GetRequiredService<IOptions<WebAuthenticationOptions>>().Value.Mode == AuthenticationMode.DevelopmentSignIn)
        {
            web.MapDevelopmentSignIn();
        }

        return routes;
    }
}
