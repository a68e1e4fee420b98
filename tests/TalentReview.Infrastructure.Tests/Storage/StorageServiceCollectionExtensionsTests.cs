using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalentReview.Infrastructure.Storage;
using TalentReview.Infrastructure.Storage.Cosmos;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public void Without_settings_the_store_is_SQLite()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.db") });

        Assert.IsType<SqliteDocumentStore>(provider.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public void Provider_InMemory_gives_the_in_memory_store()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Storage:Provider"] = "InMemory" });

        Assert.IsType<InMemoryDocumentStore>(provider.GetRequiredService<IDocumentStore>());
    }

    [Fact]
    public void Provider_Cosmos_binds_every_setting_and_gives_the_Cosmos_store()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Cosmos",
            ["Storage:Cosmos:AccountEndpoint"] = "https://127.0.0.1:8081/",
            ["Storage:Cosmos:Key"] = Convert.ToBase64String(new byte[64]),
            ["Storage:Cosmos:DatabaseName"] = "db",
            ["Storage:Cosmos:ContainerName"] = "items",
            ["Storage:Cosmos:AllowBulkExecution"] = "true",
            ["Storage:Cosmos:ConnectionMode"] = "Gateway",
            ["Storage:Cosmos:LimitToEndpoint"] = "true",
            ["Storage:Cosmos:AcceptSelfSignedCertificate"] = "true",
            ["Storage:Cosmos:MaxRetryAttemptsOnRateLimitedRequests"] = "3",
            ["Storage:Cosmos:MaxRetryWaitTimeOnRateLimitedRequests"] = "00:00:05",
        });

        var cosmos = provider.GetRequiredService<IOptions<StorageOptions>>().Value.Cosmos;
        var client = provider.GetRequiredService<Microsoft.Azure.Cosmos.CosmosClient>();

        Assert.IsType<CosmosDocumentStore>(provider.GetRequiredService<IDocumentStore>());
        Assert.Equal(("db", "items"), (cosmos.DatabaseName, cosmos.ContainerName));
        Assert.True(client.ClientOptions.AllowBulkExecution);
        Assert.True(client.ClientOptions.LimitToEndpoint);
        Assert.Equal(Microsoft.Azure.Cosmos.ConnectionMode.Gateway, client.ClientOptions.ConnectionMode);
        Assert.Equal(3, client.ClientOptions.MaxRetryAttemptsOnRateLimitedRequests);
        Assert.Equal(TimeSpan.FromSeconds(5), client.ClientOptions.MaxRetryWaitTimeOnRateLimitedRequests);
        Assert.NotNull(client.ClientOptions.HttpClientFactory);
    }

    [Fact]
    public void Cosmos_without_an_endpoint_fails_validation_naming_the_setting()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Storage:Provider"] = "Cosmos" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("AccountEndpoint", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_signed_certificate_is_refused_for_an_endpoint_that_is_not_this_machine()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Cosmos",
            ["Storage:Cosmos:AccountEndpoint"] = "https://contoso.documents.azure.com:443/",
            ["Storage:Cosmos:AcceptSelfSignedCertificate"] = "true",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("AcceptSelfSignedCertificate", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_key_the_client_signs_in_with_Microsoft_Entra_ID_and_trusts_only_valid_certificates()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Cosmos",
            ["Storage:Cosmos:AccountEndpoint"] = "https://contoso.documents.azure.com:443/",
            ["Storage:Cosmos:ManagedIdentityClientId"] = Guid.NewGuid().ToString(),
        });

        var client = provider.GetRequiredService<Microsoft.Azure.Cosmos.CosmosClient>();

        Assert.Null(client.ClientOptions.HttpClientFactory);
        Assert.Equal(Microsoft.Azure.Cosmos.ConnectionMode.Direct, client.ClientOptions.ConnectionMode);
    }

    [Fact]
    public void A_connection_string_provides_the_endpoint()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Cosmos",
            ["Storage:Cosmos:ConnectionString"] = $"AccountEndpoint=https://localhost:8081/;AccountKey={Convert.ToBase64String(new byte[64])};",
        });

        Assert.Equal(new Uri("https://localhost:8081/"), provider.GetRequiredService<IOptions<StorageOptions>>().Value.Cosmos.ResolveEndpoint());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddTalentReviewStorage()
            .BuildServiceProvider();
    }
}
