using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TalentReview.Web.Security;

/// <summary>
/// The headers every response carries, whatever answered it (an endpoint, sign-in, a 404): content
/// is never sniffed into another type, nothing is stored by a browser or a proxy (API answers, pages
/// behind links and exports all hold personal data), no page may be framed, and no address (with its
/// link token) leaks as a referrer. A response that set its own policy keeps it, framing excluded.
/// </summary>
public static class SecurityHeaders
{
    public const string DefaultContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseTalentReviewSecurityHeaders(this IApplicationBuilder app)
        => app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context.Response.Headers);
                return Task.CompletedTask;
            });
            return next(context);
        });

    internal static void Apply(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (!headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }

        var policy = headers.ContentSecurityPolicy.ToString();
        if (policy.Length == 0)
        {
            headers.ContentSecurityPolicy = DefaultContentSecurityPolicy;
        }
        else if (!policy.Contains("frame-ancestors", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = policy + "; frame-ancestors 'none'";
        }
    }

    /// <summary>Puts the headers first in the pipeline of a host built with <see cref="WebApplication"/>, so even sign-in's answers carry them.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseTalentReviewSecurityHeaders();
            next(app);
        };
    }
}
