using Azure.Core;
using Azure.Core.Serialization;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
        services.AddTalentReviewKeyRing();
        return services;
    }

    /// <summary>
    /// Keeps the data-protection keys in a blob when one is configured, so antiforgery tokens and
    /// sign-in cookies hold across instances and restarts; without one they live as long as the process.
    /// </summary>
    private static void AddTalentReviewKeyRing(this IServiceCollection services)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section);
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<KeyRingOptions>>((keys, ring) =>
        {
            if (ring.Value.IsSet)
            {
                keys.XmlRepository = new BlobKeyRing(KeyRingBlob(ring.Value));
            }
        });
    }

    private static BlobClient KeyRingBlob(KeyRingOptions ring)
    {
        if (ring.BlobUri is { } uri)
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(ring.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ring.ManagedIdentityClientId));
            return new BlobClient(uri, credential);
        }

        var container = new BlobContainerClient(ring.ConnectionString, ring.Container);
        container.CreateIfNotExists();
        return container.GetBlobClient(ring.BlobName);
    }
}
