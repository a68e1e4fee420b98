using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace TalentReview.Infrastructure.Storage.Cosmos;

/// <summary>Builds the one <see cref="CosmosClient"/> of the process from <see cref="CosmosStorageOptions"/>.</summary>
public static class CosmosClientFactory
{
    public static CosmosClient Create(CosmosStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = CreateClientOptions(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new CosmosClient(options.ConnectionString, clientOptions);
        }

        var endpoint = options.AccountEndpoint?.AbsoluteUri
            ?? throw new InvalidOperationException("Storage:Cosmos needs an AccountEndpoint or a ConnectionString.");
        return string.IsNullOrWhiteSpace(options.Key)
            ? new CosmosClient(endpoint, CreateCredential(options), clientOptions)
            : new CosmosClient(endpoint, options.Key, clientOptions);
    }

    internal static CosmosClientOptions CreateClientOptions(CosmosStorageOptions options)
    {
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "TalentReview",
            ConnectionMode = options.ConnectionMode,
            LimitToEndpoint = options.LimitToEndpoint,
            AllowBulkExecution = options.AllowBulkExecution,
            MaxRetryAttemptsOnRateLimitedRequests = options.MaxRetryAttemptsOnRateLimitedRequests,
            MaxRetryWaitTimeOnRateLimitedRequests = options.MaxRetryWaitTimeOnRateLimitedRequests,
            EnableContentResponseOnWrite = false,
        };

        if (options.AcceptSelfSignedCertificate)
        {
            // Only reachable for an endpoint on this machine (StorageOptionsValidator refuses anything else).
            clientOptions.HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            });
        }

        return clientOptions;
    }

    private static TokenCredential CreateCredential(CosmosStorageOptions options)
        => string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
}
