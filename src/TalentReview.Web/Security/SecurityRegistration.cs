using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TalentReview.Web.Security;

internal static class SecurityRegistration
{
    public static void AddTalentReviewSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WebAuthenticationOptions.Section).Get<WebAuthenticationOptions>() ?? new WebAuthenticationOptions();
        services.AddOptions<WebAuthenticationOptions>().BindConfiguration(WebAuthenticationOptions.Section);

        var scheme = options.Mode switch
        {
            AuthenticationMode.DevelopmentSignIn => DevelopmentSignIn.Scheme,
            AuthenticationMode.AppService => AppServicePrincipalHandler.SchemeName,
            _ => NoIdentityHandler.SchemeName,
        };
        var authentication = services.AddAuthentication(scheme);
        switch (options.Mode)
        {
            case AuthenticationMode.DevelopmentSignIn:
                authentication.AddCookie(DevelopmentSignIn.Scheme, cookie =>
                {
                    cookie.LoginPath = DevelopmentSignIn.Path;
                    cookie.AccessDeniedPath = DevelopmentSignIn.DeniedPath;
                    cookie.Cookie.Name = "TalentReview.DevSignIn";
                    cookie.Cookie.SameSite = SameSiteMode.Lax;
                    cookie.Events = new CookieAuthenticationEvents
                    {
                        // The API answers with status codes; only pages are sent to the sign-in page.
                        OnRedirectToLogin = context => RedirectUnlessApi(context, StatusCodes.Status401Unauthorized),
                        OnRedirectToAccessDenied = context => RedirectUnlessApi(context, StatusCodes.Status403Forbidden),
                    };
                });
                break;
            case AuthenticationMode.AppService:
                authentication.AddScheme<AuthenticationSchemeOptions, AppServicePrincipalHandler>(AppServicePrincipalHandler.SchemeName, null);
                break;
            default:
                authentication.AddScheme<AuthenticationSchemeOptions, NoIdentityHandler>(NoIdentityHandler.SchemeName, null);
                break;
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.HrAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.HrAdmin))
            .AddPolicy(Roles.Calibrator, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Calibrator, Roles.HrAdmin))
            .AddPolicy(Roles.Leadership, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Leadership, Roles.HrAdmin));
    }

    private static Task RedirectUnlessApi(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
