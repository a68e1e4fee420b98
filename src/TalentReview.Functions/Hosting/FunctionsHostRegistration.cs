using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Durable;
using TalentReview.Functions.Durable;

namespace TalentReview.Functions.Hosting;

public static class FunctionsHostRegistration
{
    /// <summary>
    /// What the trigger functions need around the shared libraries: the durable registry and its
    /// dispatcher, the durable client from the functions' bindings, and the web pipeline.
    /// </summary>
    public static IServiceCollection AddTalentReviewFunctionsHost(this IServiceCollection services, DurableRegistry registry)
    {
        // Inputs, outputs, events and custom status are written exactly as the embedded engine writes them.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(DurableJson.Options));
        services.AddSingleton(registry);
        services.AddSingleton<DurableDispatcher>();
        services.AddSingleton<DurableClientBinding>();
        services.AddSingleton<DurableClient>(provider =>
        {
            var binding = provider.GetRequiredService<DurableClientBinding>();
            return new DurableTaskClientAdapter(() => binding.Client);
        });
        services.AddRouting();
        services.AddSingleton<WebPipeline>();
        return services;
    }
}
