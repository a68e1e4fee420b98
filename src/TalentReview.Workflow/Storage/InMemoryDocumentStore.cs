using System.Text.Json;
using System.Text.Json.Nodes;

namespace TalentReview.Workflow.Storage;

/// <summary>
/// An in-memory <see cref="IDocumentStore"/> for tests and simulations. Documents are kept as
/// serialized JSON, so what would not round-trip through a real store fails here too.
/// </summary>
public sealed class InMemoryDocumentStore : IDocumentStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, Entry>> _partitions = new(StringComparer.Ordinal);
    private long _version;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _partitions.Values.Sum(p => p.Count);
            }
        }
    }

    public Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        lock (_gate)
        {
            return Task.FromResult(Find(key) is { } entry ? ToStored<T>(key, entry) : null);
        }
    }

    public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        lock (_gate)
        {
            if (Find(key) is not null)
            {
                throw new DocumentConflictException(key, $"Document {key} already exists.");
            }

            return Task.FromResult(Write(key, kind, value));
        }
    }

    public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        lock (_gate)
        {
            var current = Find(key) ?? throw new DocumentConflictException(key, $"Document {key} no longer exists.");
            if (current.ETag != ifMatchETag)
            {
                throw new DocumentConflictException(key, $"Document {key} was changed by another writer.");
            }

            return Task.FromResult(Write(key, kind, value));
        }
    }

    public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        lock (_gate)
        {
            return Task.FromResult(Write(key, kind, value));
        }
    }

    public Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        DocumentRules.ValidateWrites(partition, writes);
        lock (_gate)
        {
            // Every condition is checked before anything is written: all or nothing.
            foreach (var write in writes)
            {
                var current = Find(write.Key);
                if (write.IsCreate ? current is not null : current?.ETag != write.IfMatchETag)
                {
                    throw new DocumentConflictException(write.Key, $"Document {write.Key} {(write.IsCreate ? "already exists" : "was changed by another writer or no longer exists")}; nothing was written.");
                }
            }

            // Serialized before the first write: a value that cannot be stored leaves nothing written either.
            var json = writes.Select(w => JsonSerializer.Serialize(w.Value, DocumentJson.Options)).ToList();
            return Task.FromResult<IReadOnlyList<string>>([.. writes.Select((w, i) => WriteJson(w.Key, w.Kind, json[i]))]);
        }
    }

    public Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default)
    {
        DocumentRules.Validate(key);
        lock (_gate)
        {
            return Task.FromResult(_partitions.TryGetValue(key.Partition, out var partition) && partition.Remove(key.Id));
        }
    }

    public Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        DocumentRules.ValidateQuery(query);
        lock (_gate)
        {
            var items = new List<StoredDocument<T>>();
            if (_partitions.TryGetValue(query.Partition, out var partition))
            {
                foreach (var (id, entry) in partition)
                {
                    if (entry.Kind != query.Kind || (query.AfterId is not null && string.CompareOrdinal(id, query.AfterId) <= 0) || !Matches(entry, query))
                    {
                        continue;
                    }

                    if (items.Count == query.PageSize)
                    {
                        return Task.FromResult(new DocumentPage<T>(items, items[^1].Key.Id));
                    }

                    items.Add(ToStored<T>(new DocumentKey(query.Partition, id), entry));
                }
            }

            return Task.FromResult(new DocumentPage<T>(items, null));
        }
    }

    public Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_partitions.Remove(partition, out var removed))
            {
                return Task.FromResult(0);
            }

            return Task.FromResult(removed.Count);
        }
    }

    private Entry? Find(DocumentKey key)
        => _partitions.TryGetValue(key.Partition, out var partition) && partition.TryGetValue(key.Id, out var entry) ? entry : null;

    private string Write<T>(DocumentKey key, string kind, T value) => WriteJson(key, kind, JsonSerializer.Serialize(value, DocumentJson.Options));

    private string WriteJson(DocumentKey key, string kind, string json)
    {
        var etag = $"\"{++_version:x}\"";
        if (!_partitions.TryGetValue(key.Partition, out var partition))
        {
            partition = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
            _partitions[key.Partition] = partition;
        }

        partition[key.Id] = new Entry(kind, json, etag);
        return etag;
    }

    private static bool Matches(Entry entry, DocumentQuery query)
    {
        if ((query.WhereEquals?.Count ?? 0) + (query.WhereAnyOf?.Count ?? 0) == 0)
        {
            return true;
        }

        var node = JsonNode.Parse(entry.Json) as JsonObject;
        string? Text(string property) => node?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        return (query.WhereEquals ?? new Dictionary<string, string>()).All(condition => Text(condition.Key) == condition.Value)
            && (query.WhereAnyOf ?? new Dictionary<string, IReadOnlyList<string>>()).All(condition => Text(condition.Key) is { } text && condition.Value.Contains(text));
    }

    private static StoredDocument<T> ToStored<T>(DocumentKey key, Entry entry)
        => new(key, JsonSerializer.Deserialize<T>(entry.Json, DocumentJson.Options)!, entry.ETag);

    private sealed record Entry(string Kind, string Json, string ETag);
}
