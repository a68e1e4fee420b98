using System.Collections.Concurrent;
using System.Text.Json;
using TalentReview.Workflow.Storage;

namespace TalentReview.Bench;

/// <summary>
/// Counts operations and sizes, and prices them like Cosmos DB does for the same call: a point
/// read 1 RU per KB, a write 5.5 RU per KB (at least one KB each), a single-partition query about
/// 2.5 RU plus 1 RU per KB returned. Sizes include the stored envelope and Cosmos DB's system properties.
/// </summary>
internal sealed class MeteredDocumentStore(IDocumentStore inner) : IDocumentStore
{
    private const double ReadRuPerKb = 1.0;
    private const double WriteRuPerKb = 5.5;
    private const double QueryBaseRu = 2.5;
    private const double RefusedWriteRu = 1.0;

    // "_rid", "_self", "_etag", "_attachments", "_ts" and the envelope's property names.
    private const int EnvelopeBytes = 190;

    private readonly ConcurrentDictionary<DocumentKey, int> _sizes = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _ruByIdPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _writesByIdPrefix = new(StringComparer.Ordinal);
    private double _readRu;
    private double _writeRu;

    public long Writes { get; private set; }

    /// <summary>Creates of a document that exists, replaces whose ETag no longer matches.</summary>
    public long RefusedWrites { get; private set; }

    public long PointReads { get; private set; }

    public long Queries { get; private set; }

    public int MaxDocumentBytes { get; private set; }

    public string LargestDocumentKind { get; private set; } = string.Empty;

    public double RequestUnits => _readRu + _writeRu;

    public double WriteRequestUnits => _writeRu;

    /// <summary>RU by the prefix of the document id before its first ':' (the workflow's ids start with their kind).</summary>
    public IReadOnlyDictionary<string, double> RequestUnitsByIdPrefix => _ruByIdPrefix;

    /// <summary>Writes (creates, replaces, upserts, deletes) by the prefix of the document id, as <see cref="RequestUnitsByIdPrefix"/>.</summary>
    public IReadOnlyDictionary<string, long> WritesByIdPrefix => _writesByIdPrefix;

    public long StoredBytes(string partition) => _sizes.Where(s => s.Key.Partition == partition).Sum(s => (long)s.Value);

    public int StoredDocuments(string partition) => _sizes.Keys.Count(k => k.Partition == partition);

    public async Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default)
    {
        var document = await inner.ReadAsync<T>(key, cancellationToken);
        Charge(key.Id, read: true, document is null ? 1 : Kb(_sizes.GetValueOrDefault(key)) * ReadRuPerKb, () => PointReads++);
        return document;
    }

    public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
        => WriteAsync(key, kind, value, () => inner.CreateAsync(key, kind, value, cancellationToken));

    public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
        => WriteAsync(key, kind, value, () => inner.ReplaceAsync(key, kind, value, ifMatchETag, cancellationToken));

    public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
        => WriteAsync(key, kind, value, () => inner.UpsertAsync(key, kind, value, cancellationToken));

    /// <summary>A transactional batch is charged as the sum of its writes.</summary>
    public async Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        IReadOnlyList<string> etags = [];
        await WriteAsync(writes[0].Key, writes[0].Kind, writes[0].Value, async () =>
        {
            etags = await inner.WriteTogetherAsync(partition, writes, cancellationToken);
            return etags[0];
        });
        foreach (var write in writes.Skip(1))
        {
            await WriteAsync(write.Key, write.Kind, write.Value, () => Task.FromResult(string.Empty));
        }

        return etags;
    }

    public async Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default)
    {
        var deleted = await inner.DeleteAsync(key, cancellationToken);
        _sizes.TryRemove(key, out var size);
        Charge(key.Id, read: false, Kb(size) * WriteRuPerKb, () => CountWrite(key.Id));
        return deleted;
    }

    public async Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default)
    {
        var page = await inner.QueryAsync<T>(query, cancellationToken);
        var bytes = page.Items.Sum(i => (long)_sizes.GetValueOrDefault(i.Key));
        Charge($"query {query.Kind}", read: true, QueryBaseRu + (bytes / 1024.0 * ReadRuPerKb), () => Queries++);
        return page;
    }

    public async Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default)
    {
        var deleted = await inner.DeletePartitionAsync(partition, cancellationToken);
        foreach (var key in _sizes.Keys.Where(k => k.Partition == partition))
        {
            _sizes.TryRemove(key, out _);
        }

        return deleted;
    }

    private async Task<string> WriteAsync<T>(DocumentKey key, string kind, T value, Func<Task<string>> write)
    {
        string etag;
        try
        {
            etag = await write();
        }
        catch (DocumentConflictException)
        {
            // A refused create or replace is charged like a read of a missing document.
            Charge(key.Id, read: false, RefusedWriteRu, () => RefusedWrites++);
            throw;
        }

        var size = JsonSerializer.SerializeToUtf8Bytes(value, DocumentJson.Options).Length + key.Id.Length + key.Partition.Length + kind.Length + EnvelopeBytes;
        _sizes[key] = size;
        Charge(key.Id, read: false, Kb(size) * WriteRuPerKb, () =>
        {
            CountWrite(key.Id);
            if (size > MaxDocumentBytes)
            {
                MaxDocumentBytes = size;
                LargestDocumentKind = kind;
            }
        });
        return etag;
    }

    /// <summary>Called under the gate.</summary>
    private void CountWrite(string id)
    {
        Writes++;
        var prefix = id.Split(':')[0];
        _writesByIdPrefix[prefix] = _writesByIdPrefix.GetValueOrDefault(prefix) + 1;
    }

    private static double Kb(int bytes) => Math.Max(1.0, bytes / 1024.0);

    private void Charge(string id, bool read, double requestUnits, Action count)
    {
        var prefix = (read ? "read " : "write ") + id.Split(':')[0];
        lock (_gate)
        {
            count();
            _ruByIdPrefix[prefix] = _ruByIdPrefix.GetValueOrDefault(prefix) + requestUnits;
            if (read)
            {
                _readRu += requestUnits;
            }
            else
            {
                _writeRu += requestUnits;
            }
        }
    }
}
