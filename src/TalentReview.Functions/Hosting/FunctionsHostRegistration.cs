using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Workflow;

namespace TalentReview.Functions.Hosting;

public static class FunctionsHostRegistration
{
    /// <summary>
    /// What the trigger functions need around the shared libraries: the workflow's payload format,
    /// the durable client from the functions' bindings, and the web pipeline.
    /// </summary>
    public static IServiceCollection AddTalentReviewFunctionsHost(this IServiceCollection services)
    {
        // Inputs, outputs, events and custom status are written exactly as on the embedded engine.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(DurablePayloads.Options));
        services.AddSingleton<DurableClientBinding>();
        services.AddSingleton(provider => provider.GetRequiredService<DurableClientBinding>().Client);
        services.AddRouting();
        services.AddSingleton<WebPipeline>();
        return services;
    }
}
