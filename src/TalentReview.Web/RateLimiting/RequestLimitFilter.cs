using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Web.Security;

namespace TalentReview.Web.RateLimiting;

public static class RequestLimitFilter
{
    /// <summary>
    /// Limits the endpoint per signed-in person (by client address when nobody is signed in), with a 429 problem and
    /// <c>Retry-After</c> once the window's permits are used.
    /// </summary>
    public static TBuilder RequireRequestLimit<TBuilder>(this TBuilder builder, RequestLimit limit)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var limiter = http.RequestServices.GetRequiredService<RequestLimiter>();
            var partition = Actor.IdOf(http.User) ?? http.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
            return limiter.TryAcquire(limit, partition) is { } wait ? TooManyRequests(http, limiter, limit, wait) : await next(context);
        });
        return builder;
    }

    private static IResult TooManyRequests(HttpContext http, RequestLimiter limiter, RequestLimit limit, TimeSpan wait)
    {
        var seconds = RequestLimiter.RetryAfterSeconds(wait);
        http.Response.Headers.RetryAfter = seconds;
        return Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"At most {limiter.Options.For(limit).Describe()} for each person ({limit}). Nothing was done; try again in {seconds} seconds.",
            extensions: new Dictionary<string, object?> { ["limit"] = limit.ToString(), ["retryAfterSeconds"] = int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) });
    }
}
