using Microsoft.Azure.Cosmos;

namespace TalentReview.Infrastructure.Storage.Cosmos;

/// <summary>
/// How to reach Cosmos DB. In Azure only <see cref="AccountEndpoint"/> is set and the app signs in
/// with its managed identity; locally a <see cref="ConnectionString"/> or endpoint plus <see cref="Key"/>.
/// </summary>
public sealed class CosmosStorageOptions
{
    /// <summary>For example https://my-account.documents.azure.com:443/.</summary>
    public Uri? AccountEndpoint { get; set; }

    /// <summary>AccountEndpoint=...;AccountKey=...; takes precedence over the other credentials.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Account key used with <see cref="AccountEndpoint"/>; without it the app uses Microsoft Entra ID.</summary>
    public string? Key { get; set; }

    /// <summary>Client id of a user-assigned managed identity; without it DefaultAzureCredential is used.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string DatabaseName { get; set; } = CosmosLayout.DatabaseName;

    public string ContainerName { get; set; } = CosmosLayout.ContainerName;

    /// <summary>Lets the SDK group concurrent point operations into batches: higher throughput, higher latency per call.</summary>
    public bool AllowBulkExecution { get; set; }

    /// <summary>Create the database and container at start-up (local only: in Azure the infrastructure creates them).</summary>
    public bool CreateIfNotExists { get; set; }

    /// <summary>Direct (TCP, the fastest in Azure) or Gateway (HTTPS only, needed by local emulators).</summary>
    public ConnectionMode ConnectionMode { get; set; } = ConnectionMode.Direct;

    /// <summary>Talk to the given endpoint only, never to the account's regional endpoints (emulators).</summary>
    public bool LimitToEndpoint { get; set; }

    /// <summary>Trust a self-signed server certificate. Development and tests only: refused unless the endpoint is on this machine.</summary>
    public bool AcceptSelfSignedCertificate { get; set; }

    /// <summary>How often the SDK retries a request throttled with 429 before giving up.</summary>
    public int MaxRetryAttemptsOnRateLimitedRequests { get; set; } = 9;

    /// <summary>The longest the SDK keeps retrying throttled requests, in total.</summary>
    public TimeSpan MaxRetryWaitTimeOnRateLimitedRequests { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The endpoint, from <see cref="AccountEndpoint"/> or the connection string.</summary>
    internal Uri? ResolveEndpoint()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return AccountEndpoint;
        }

        var endpoint = ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .FirstOrDefault(pair => pair.Length == 2 && pair[0].Equals("AccountEndpoint", StringComparison.OrdinalIgnoreCase));
        return endpoint is not null && Uri.TryCreate(endpoint[1], UriKind.Absolute, out var uri) ? uri : null;
    }
}
