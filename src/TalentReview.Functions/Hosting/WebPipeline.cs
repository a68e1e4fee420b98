using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalentReview.Web;

namespace TalentReview.Functions.Hosting;

/// <summary>
/// The shared web endpoints as one request pipeline, built once. The Functions worker routes every
/// request to a single HTTP function, which hands the request's <see cref="HttpContext"/> here, so
/// routing, sign-in, antiforgery and the endpoints behave as on the one-machine host.
/// </summary>
public sealed class WebPipeline
{
    private readonly RequestDelegate _pipeline;

    public WebPipeline(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        app.Use((context, next) =>
        {
            // The worker already matched its catch-all function; route again against our endpoints.
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            return next(context);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseEndpoints(endpoints => endpoints.MapTalentReviewWeb());
        _pipeline = app.Build();
    }

    public Task InvokeAsync(HttpContext context) => _pipeline(context);
}
