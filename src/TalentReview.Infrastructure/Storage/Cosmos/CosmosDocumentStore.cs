using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Storage.Cosmos;

/// <summary>
/// <see cref="IDocumentStore"/> on one Cosmos DB container (see <see cref="CosmosLayout"/>), through
/// the SDK's stream APIs so documents go through System.Text.Json exactly once. Status codes are
/// mapped here and only here: 404 is "missing", 409 and 412 are <see cref="DocumentConflictException"/>,
/// anything else unexpected surfaces as the SDK's <see cref="CosmosException"/>.
/// </summary>
public sealed class CosmosDocumentStore(Container container) : IDocumentStore
{
    // Deleting a partition goes through pages of ids; each page's deletes run concurrently (and are
    // batched by the SDK when bulk execution is on).
    private const int DeletePageSize = 500;

    public async Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        using var response = await container.ReadItemStreamAsync(key.Id, new PartitionKey(key.Partition), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken).ConfigureAwait(false);
        return CosmosEnvelope.Read<T>(json.RootElement, key.Partition, response.Headers.ETag);
    }

    public async Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        using var body = CosmosEnvelope.Write(key, kind, value);
        using var response = await container.CreateItemStreamAsync(body, new PartitionKey(key.Partition), WriteOptions(), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new DocumentConflictException(key, $"Document {key} already exists.");
        }

        return ETagOf(response);
    }

    public async Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        ArgumentException.ThrowIfNullOrEmpty(ifMatchETag);
        using var body = CosmosEnvelope.Write(key, kind, value);
        using var response = await container.ReplaceItemStreamAsync(body, key.Id, new PartitionKey(key.Partition), WriteOptions(ifMatchETag), cancellationToken).ConfigureAwait(false);
        switch (response.StatusCode)
        {
            case HttpStatusCode.PreconditionFailed:
                throw new DocumentConflictException(key, $"Document {key} was changed by another writer.");
            case HttpStatusCode.NotFound:
                throw new DocumentConflictException(key, $"Document {key} no longer exists.");
            default:
                return ETagOf(response);
        }
    }

    public async Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        using var body = CosmosEnvelope.Write(key, kind, value);
        using var response = await container.UpsertItemStreamAsync(body, new PartitionKey(key.Partition), WriteOptions(), cancellationToken).ConfigureAwait(false);
        return ETagOf(response);
    }

    /// <remarks>
    /// One transactional batch in the partition: all or nothing. The shared store contract runs it
    /// against the Cosmos-compatible test server too (tests/cosmos-server); see the README.
    /// </remarks>
    public async Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        DocumentRules.ValidateWrites(partition, writes);
        var batch = container.CreateTransactionalBatch(new PartitionKey(partition));
        var bodies = new List<MemoryStream>(writes.Count);
        try
        {
            foreach (var write in writes)
            {
                var body = CosmosEnvelope.Write(write.Key, write.Kind, write.Value);
                bodies.Add(body);
                batch = write.IsCreate
                    ? batch.CreateItemStream(body, new TransactionalBatchItemRequestOptions())
                    : batch.ReplaceItemStream(write.Key.Id, body, new TransactionalBatchItemRequestOptions { IfMatchEtag = write.IfMatchETag });
            }

            using var response = await batch.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return [.. response.Select(result => result.ETag)];
            }

            // The operation that failed answers its own status; the others answer 424 (failed dependency).
            for (var i = 0; i < response.Count; i++)
            {
                if (response[i].StatusCode is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
                {
                    throw new DocumentConflictException(writes[i].Key, $"Document {writes[i].Key} {(writes[i].IsCreate ? "already exists" : "was changed by another writer or no longer exists")}; nothing was written.");
                }
            }

            throw new CosmosException($"Transactional batch in partition {partition} failed: {response.ErrorMessage}", response.StatusCode, 0, response.ActivityId, response.RequestCharge);
        }
        finally
        {
            foreach (var body in bodies)
            {
                await body.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        using var response = await container.DeleteItemStreamAsync(key.Id, new PartitionKey(key.Partition), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        response.EnsureSuccessStatusCode();
        return true;
    }

    public async Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        DocumentRules.ValidateQuery(query);

        // One more than a page tells whether there is a next page without a second round trip.
        var wanted = query.PageSize + 1;
        var items = new List<StoredDocument<T>>(Math.Min(wanted, 1024));
        var partition = query.Partition;
        await foreach (var item in QueryItemsAsync(ToSql(query, wanted), partition, wanted, item => CosmosEnvelope.Read<T>(item, partition), cancellationToken).ConfigureAwait(false))
        {
            items.Add(item);
            if (items.Count == wanted)
            {
                break;
            }
        }

        if (items.Count <= query.PageSize)
        {
            return new DocumentPage<T>(items, null);
        }

        items.RemoveAt(items.Count - 1);
        return new DocumentPage<T>(items, items[^1].Key.Id);
    }

    public async Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        var sql = new QueryDefinition($"SELECT TOP {DeletePageSize.ToString(CultureInfo.InvariantCulture)} c.id FROM c WHERE c.partitionKey = @partition")
            .WithParameter("@partition", partition);
        var deleted = 0;
        while (true)
        {
            var ids = new List<string>(DeletePageSize);
            await foreach (var id in QueryItemsAsync(sql, partition, DeletePageSize, item => item.GetProperty(CosmosEnvelope.Id).GetString()!, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(id);
            }

            if (ids.Count == 0)
            {
                return deleted;
            }

            var results = await Task.WhenAll(ids.Select(id => DeleteAsync(new DocumentKey(partition, id), cancellationToken))).ConfigureAwait(false);
            deleted += results.Count(wasDeleted => wasDeleted);
        }
    }

    /// <summary>
    /// The query text. Property names were checked to be plain identifiers; values are parameters.
    /// <c>value</c> is a reserved word in Cosmos SQL, hence the bracket syntax.
    /// </summary>
    internal static QueryDefinition ToSql(DocumentQuery query, int top)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"SELECT TOP {top} * FROM c WHERE c.partitionKey = @partition AND c.kind = @kind");
        var parameters = new List<(string Name, string Value)> { ("@partition", query.Partition), ("@kind", query.Kind) };
        if (query.AfterId is not null)
        {
            text.Append(" AND c.id > @after");
            parameters.Add(("@after", query.AfterId));
        }

        var index = 0;
        foreach (var (property, value) in query.WhereEquals ?? new Dictionary<string, string>())
        {
            var name = $"@p{index++}";
            text.Append(CultureInfo.InvariantCulture, $" AND c[\"{CosmosEnvelope.Value}\"][\"{property}\"] = {name}");
            parameters.Add((name, value));
        }

        var lists = new List<(string Name, IReadOnlyList<string> Values)>();
        foreach (var (property, values) in query.WhereAnyOf ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            var name = $"@p{index++}";
            text.Append(CultureInfo.InvariantCulture, $" AND ARRAY_CONTAINS({name}, c[\"{CosmosEnvelope.Value}\"][\"{property}\"])");
            lists.Add((name, values));
        }

        text.Append(" ORDER BY c.id");
        var definition = parameters.Aggregate(new QueryDefinition(text.ToString()), (definition, p) => definition.WithParameter(p.Name, p.Value));
        return lists.Aggregate(definition, (definition, p) => definition.WithParameter(p.Name, p.Values));
    }

    private async IAsyncEnumerable<TItem> QueryItemsAsync<TItem>(
        QueryDefinition sql, string partition, int maxItemCount, Func<JsonElement, TItem> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(partition), MaxItemCount = maxItemCount };
        using var iterator = container.GetItemQueryStreamIterator(sql, continuationToken: null, options);
        while (iterator.HasMoreResults)
        {
            using var response = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var page = await JsonDocument.ParseAsync(response.Content, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var item in page.RootElement.GetProperty("Documents").EnumerateArray())
            {
                yield return map(item);
            }
        }
    }

    // The response body is not needed: only the new ETag, which comes in a header.
    private static ItemRequestOptions WriteOptions(string? ifMatchETag = null)
        => new() { IfMatchEtag = ifMatchETag, EnableContentResponseOnWrite = false };

    private static string ETagOf(ResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag;
    }
}
