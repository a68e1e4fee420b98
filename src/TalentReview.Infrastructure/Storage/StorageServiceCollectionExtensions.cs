using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TalentReview.Infrastructure.Storage.Cosmos;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Workflow.Privacy;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="IDocumentStore"/> chosen by the "Storage" configuration section
    /// (Provider = Sqlite by default, Cosmos or InMemory), validated at start-up, with the retention
    /// purge and the personal data export ("Retention" section).
    /// </summary>
    public static IServiceCollection AddTalentReviewStorage(this IServiceCollection services, Action<StorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(provider => CosmosClientFactory.Create(provider.GetRequiredService<IOptions<StorageOptions>>().Value.Cosmos));
        services.TryAddSingleton(CreateStore);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStoreOutageDescriber, SqliteOutageDescriber>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStoreOutageDescriber, CosmosOutageDescriber>());
        services.AddHostedService<CosmosContainerInitializer>();
        AddPrivacy(services);
        return services;
    }

    /// <summary>The retention purge and the personal data export; they need the workflow's ReviewStore and the host's DurableClient.</summary>
    private static void AddPrivacy(IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .Validate(o => o.Days > 0, "Retention:Days must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RetentionService>();
        services.TryAddSingleton<PersonalDataExport>();
    }

    private static IDocumentStore CreateStore(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Provider switch
        {
            StorageProvider.Cosmos => new CosmosDocumentStore(
                provider.GetRequiredService<CosmosClient>().GetContainer(options.Cosmos.DatabaseName, options.Cosmos.ContainerName)),
            StorageProvider.InMemory => new InMemoryDocumentStore(),
            _ => new SqliteDocumentStore(options.Sqlite.Path),
        };
    }
}
