using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Functions.Hosting;
using TalentReview.Workflow;

namespace TalentReview.Functions.Tests;

/// <summary>
/// The catch-all HTTP function hands requests to the shared endpoints, after the worker has routed them once,
/// with the client its [DurableClient] binding gives (here the real in-process engine's).
/// </summary>
public sealed class WebPipelineTests
{
    [Theory]
    [InlineData("/openapi/v1.json", StatusCodes.Status200OK)]
    [InlineData("/api/cycles", StatusCodes.Status401Unauthorized)]
    [InlineData("/l/not-a-token", StatusCodes.Status404NotFound)]
    [InlineData("/no/such/page", StatusCodes.Status404NotFound)]
    public async Task Request_reaches_the_shared_endpoint_of_its_path(string path, int expectedStatus)
    {
        await using var engine = await DurableTaskTestHost.StartAsync(tasks => tasks.AddTalentReviewWorkflow(), cancellationToken: TestContext.Current.CancellationToken);
        await using var app = FunctionsTestHost.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();

        // What the Functions worker leaves on the context: its own catch-all function endpoint.
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "Web function"));
        var function = new WebFunctions(app.Services.GetRequiredService<WebPipeline>(), app.Services.GetRequiredService<DurableClientBinding>());
        await function.Web(context.Request, engine.Client);

        Assert.Equal(expectedStatus, context.Response.StatusCode);
    }
}
