using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using TalentReview.Functions.Hosting;

namespace TalentReview.Functions;

/// <summary>Every HTTP request goes to the shared web endpoints (host.json sets an empty route prefix).</summary>
public sealed class WebFunctions(WebPipeline pipeline, DurableClientBinding durableClient)
{
    [Function(nameof(Web))]
    public async Task<IActionResult> Web(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", "options", Route = "{*path}")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        durableClient.Client = client;
        await pipeline.InvokeAsync(request.HttpContext);
        return new EmptyResult();
    }
}
