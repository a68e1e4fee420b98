using Microsoft.Azure.Cosmos;

namespace TalentReview.Infrastructure.Storage.Cosmos;

/// <summary>
/// The Cosmos DB layout, which infra/ declares in Bicep too (keep both in step).
/// <para>
/// One database, one container, partitioned by <c>/partitionKey</c> = the document's partition: the
/// cycle id, or a fixed value for the few org-wide documents (the list of cycles).
/// Everything a cycle does is then a point read/write or a single-partition query, a cycle's purge
/// is one partition, and the container spreads many cycles over physical partitions.
/// </para>
/// <para>
/// Size per cycle, measured by the bench suite `store` (the workflow's activities and use cases run
/// for a generated organisation): about 4 documents and 3.9 KB per participant including the envelope
/// and system properties, so about 0.8 GB for a 200,000-employee cycle, a 25th of the 20 GB
/// logical-partition limit; the largest document is about 60 KB. A single key is therefore enough and
/// keeps every query single-partition. Hierarchical keys (<c>/partitionKey</c>, then a shard such as the
/// calibration group) are the way out if an organisation ever grows past ~4,000,000 employees per cycle;
/// they are not used now because they add a second key to every call for no gain, and the local test
/// server does not support them.
/// </para>
/// </summary>
public static class CosmosLayout
{
    public const string DatabaseName = "talentreview";

    public const string ContainerName = "reviews";

    public const string PartitionKeyPath = "/partitionKey";

    /// <summary>
    /// Consistent indexing of everything except the system ETag. Queries filter on <c>kind</c> and on
    /// top-level properties of <c>value</c>, which Cosmos DB cannot select one level deep with a
    /// wildcard; excluding large free-text properties by name is the next saving if write RU grow.
    /// </summary>
    public static IndexingPolicy CreateIndexingPolicy()
    {
        var policy = new IndexingPolicy { IndexingMode = IndexingMode.Consistent, Automatic = true };
        policy.IncludedPaths.Add(new IncludedPath { Path = "/*" });
        policy.ExcludedPaths.Add(new ExcludedPath { Path = "/\"_etag\"/?" });
        return policy;
    }

    public static ContainerProperties CreateContainerProperties(string containerName)
        => new(containerName, PartitionKeyPath) { IndexingPolicy = CreateIndexingPolicy() };

    /// <summary>Creates the database and container when missing (local development; Azure gets them from infra/).</summary>
    public static async Task<Container> CreateIfNotExistsAsync(CosmosClient client, CosmosStorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        Database database = await client.CreateDatabaseIfNotExistsAsync(options.DatabaseName, cancellationToken: cancellationToken).ConfigureAwait(false);
        Container container = await database.CreateContainerIfNotExistsAsync(CreateContainerProperties(options.ContainerName), cancellationToken: cancellationToken).ConfigureAwait(false);
        return container;
    }
}
