using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Tests.Support;

/// <summary>
/// An in-memory store that can stop the process, as kill -9 would, between the first and the second
/// write of the next atomic commit, or just before the next write of a kind of document: what a store
/// without transactions (or a change written in several steps) would have left half-written.
/// </summary>
internal sealed class CrashingDocumentStore : IDocumentStore
{
    private readonly InMemoryDocumentStore _inner = new();

    public bool CrashAfterFirstWriteOfNextCommit { get; set; }

    /// <summary>The kind of document whose next write stops the process; what was written before it stays written.</summary>
    public string? CrashAtNextWriteOf { get; set; }

    public Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        CrashIfWriting(writes.Select(w => w.Kind));
        if (!CrashAfterFirstWriteOfNextCommit)
        {
            return _inner.WriteTogetherAsync(partition, writes, cancellationToken);
        }

        // A real store rolls back a transaction that never committed: nothing of it is kept.
        CrashAfterFirstWriteOfNextCommit = false;
        throw new IOException($"The process stopped after writing {writes[0].Key} and before committing {writes.Count} writes.");
    }

    public Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default) => _inner.ReadAsync<T>(key, cancellationToken);

    public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
    {
        CrashIfWriting([kind]);
        return _inner.CreateAsync(key, kind, value, cancellationToken);
    }

    public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
    {
        CrashIfWriting([kind]);
        return _inner.ReplaceAsync(key, kind, value, ifMatchETag, cancellationToken);
    }

    public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
    {
        CrashIfWriting([kind]);
        return _inner.UpsertAsync(key, kind, value, cancellationToken);
    }

    public Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default) => _inner.DeleteAsync(key, cancellationToken);

    public Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default) => _inner.QueryAsync<T>(query, cancellationToken);

    public Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default) => _inner.DeletePartitionAsync(partition, cancellationToken);

    private void CrashIfWriting(IEnumerable<string> kinds)
    {
        if (CrashAtNextWriteOf is { } kind && kinds.Contains(kind, StringComparer.Ordinal))
        {
            CrashAtNextWriteOf = null;
            throw new IOException($"The process stopped before writing a {kind}.");
        }
    }
}
