using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TalentReview.Infrastructure.Storage.Cosmos;

/// <summary>Creates the Cosmos database and container at start-up when Storage:Cosmos:CreateIfNotExists is on.</summary>
internal sealed class CosmosContainerInitializer(IServiceProvider services, IOptions<StorageOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var storage = options.Value;
        return storage is { Provider: StorageProvider.Cosmos, Cosmos.CreateIfNotExists: true }
            ? CosmosLayout.CreateIfNotExistsAsync(services.GetRequiredService<CosmosClient>(), storage.Cosmos, cancellationToken)
            : Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
