using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using TalentReview.Infrastructure.Storage.Cosmos;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage;

/// <summary>
/// The Cosmos store for tests of use cases that read documents which may not exist (a chunk after the last,
/// a form not yet written): @vercel/cosmosdb-server answers such a point read with 500 where Cosmos DB answers
/// 404. A read that fails with 500 is asked again as a query on the id, which the server answers honestly; only
/// when that query finds nothing is the item missing, so any other server error still fails the test. Everything
/// else is the real <see cref="CosmosDocumentStore"/>. The adapter's own 404 mapping is covered by CosmosDocumentStoreStatusTests.
/// </summary>
public sealed class MissingItemTolerantCosmosStore(Container container) : IDocumentStore
{
    private readonly CosmosDocumentStore _store = new(container);

    /// <summary>A container of its own in the server's database, for tests that read every cycle of the store.</summary>
    public static async Task<MissingItemTolerantCosmosStore> CreateAsync(CosmosServerFixture server, string prefix)
    {
        ArgumentNullException.ThrowIfNull(server);
        var database = server.Client.GetDatabase(server.Options.DatabaseName);
        var properties = CosmosLayout.CreateContainerProperties($"{prefix}-{Guid.NewGuid():N}");
        var created = await database.CreateContainerAsync(properties, cancellationToken: TestContext.Current.CancellationToken);
        return new MissingItemTolerantCosmosStore(created.Container);
    }

    public async Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _store.ReadAsync<T>(key, cancellationToken);
        }
        catch (CosmosException error) when (error.StatusCode == HttpStatusCode.InternalServerError)
        {
            if (await ExistsAsync(key, cancellationToken))
            {
                throw;
            }

            return null;
        }
    }

    public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
        => _store.CreateAsync(key, kind, value, cancellationToken);

    public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
        => _store.ReplaceAsync(key, kind, value, ifMatchETag, cancellationToken);

    public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
        => _store.UpsertAsync(key, kind, value, cancellationToken);

    public Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
        => _store.WriteTogetherAsync(partition, writes, cancellationToken);

    public Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default)
        => _store.DeleteAsync(key, cancellationToken);

    public Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
        => _store.QueryAsync<T>(query, cancellationToken);

    public Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default)
        => _store.DeletePartitionAsync(partition, cancellationToken);

    private async Task<bool> ExistsAsync(DocumentKey key, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT c.id FROM c WHERE c.partitionKey = @partition AND c.id = @id").WithParameter("@partition", key.Partition).WithParameter("@id", key.Id);
        using var pages = container.GetItemQueryStreamIterator(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(key.Partition) });
        while (pages.HasMoreResults)
        {
            using var page = await pages.ReadNextAsync(cancellationToken);
            page.EnsureSuccessStatusCode();
            using var json = await JsonDocument.ParseAsync(page.Content, cancellationToken: cancellationToken);
            if (json.RootElement.GetProperty("Documents").GetArrayLength() > 0)
            {
                return true;
            }
        }

        return false;
    }
}
