using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace TalentReview.Web.Security;

/// <summary>
/// Refuses a state-changing request (anything but GET, HEAD, OPTIONS) that a browser sent on
/// behalf of another site, so a cookie (the development sign-in, App Service's session) cannot
/// be ridden by a form or script elsewhere. Browsers say where a request comes from:
/// <c>Sec-Fetch-Site</c> must be <c>same-origin</c> or <c>none</c> (typed or bookmarked), or,
/// from browsers without it, <c>Origin</c> must name this host. A request with an
/// <c>Authorization</c> header (a bearer token) is not one a browser sends on its own, and a
/// request with neither header does not come from a browser: both pass.
/// </summary>
public static class CrossSiteRequests
{
    public const string Explanation =
        "State-changing requests (POST, PUT, PATCH, DELETE) from a browser must come from this site: Sec-Fetch-Site must be "
        + "same-origin or none, or, without it, Origin must name this host. Otherwise the answer is 403 and nothing changes. "
        + "Requests with an Authorization header (a bearer token) and requests from clients that send neither header are not affected.";

    /// <summary>Why the request is refused, or null when it may go on.</summary>
    public static string? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return null;
        }

        if (!StringValues.IsNullOrEmpty(request.Headers.Authorization))
        {
            return null;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none" ? null : $"This request came from another site (Sec-Fetch-Site: {site}).";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? null
            : "This request came from another site (its Origin is not this host).";
    }

    /// <summary>Applies the rule to every endpoint of the builder (a group or a single endpoint).</summary>
    public static TBuilder RefuseCrossSiteWrites<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) => Refusal(context.HttpContext.Request) is { } refusal
            ? Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-site request refused",
                detail: refusal + " Nothing was changed. Use TalentReview's own pages, or call the API with a bearer token.")
            : await next(context));
        return builder;
    }
}
