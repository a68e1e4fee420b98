using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Email;

/// <summary>An in-memory store that counts writes and can fail the next upsert, as a crash right after a SendGrid call would.</summary>
public sealed class RecordingDocumentStore : IDocumentStore
{
    private readonly InMemoryDocumentStore _inner = new();
    private int _writes;

    public int Writes => _writes;

    public bool FailNextUpsert { get; set; }

    public Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default) => _inner.ReadAsync<T>(key, cancellationToken);

    public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return _inner.CreateAsync(key, kind, value, cancellationToken);
    }

    public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return _inner.ReplaceAsync(key, kind, value, ifMatchETag, cancellationToken);
    }

    public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default)
    {
        if (FailNextUpsert)
        {
            FailNextUpsert = false;
            throw new IOException("The process stopped before the batch was marked sent.");
        }

        Interlocked.Increment(ref _writes);
        return _inner.UpsertAsync(key, kind, value, cancellationToken);
    }

    public Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref _writes, writes.Count);
        return _inner.WriteTogetherAsync(partition, writes, cancellationToken);
    }

    public Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default) => _inner.DeleteAsync(key, cancellationToken);

    public Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default) => _inner.QueryAsync<T>(query, cancellationToken);

    public Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default) => _inner.DeletePartitionAsync(partition, cancellationToken);
}
