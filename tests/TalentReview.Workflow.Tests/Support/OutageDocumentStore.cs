using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Tests.Support;

/// <summary>
/// An in-memory store whose disk is full until <see cref="OutageUntil"/> on the host's clock: every read
/// and write fails meanwhile, as SQLite's would, with an error <see cref="SimulatedOutageDescriber"/> knows.
/// </summary>
public sealed class OutageDocumentStore(TimeProvider clock) : IDocumentStore
{
    private readonly InMemoryDocumentStore _inner = new();

    public DateTimeOffset? OutageUntil { get; set; }

    /// <summary>How many calls the outage refused.</summary>
    public int Refused { get; private set; }

    public Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default) => Guard(() => _inner.ReadAsync<T>(key, cancellationToken));

    public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default) => Guard(() => _inner.CreateAsync(key, kind, value, cancellationToken));

    public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
        => Guard(() => _inner.ReplaceAsync(key, kind, value, ifMatchETag, cancellationToken));

    public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default) => Guard(() => _inner.UpsertAsync(key, kind, value, cancellationToken));

    public Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
        => Guard(() => _inner.WriteTogetherAsync(partition, writes, cancellationToken));

    public Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default) => Guard(() => _inner.DeleteAsync(key, cancellationToken));

    public Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default) => Guard(() => _inner.QueryAsync<T>(query, cancellationToken));

    public Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default) => Guard(() => _inner.DeletePartitionAsync(partition, cancellationToken));

    private Task<T> Guard<T>(Func<Task<T>> call)
    {
        if (clock.GetUtcNow() < OutageUntil)
        {
            Refused++;
            throw new SimulatedDiskFullException();
        }

        return call();
    }
}

public sealed class SimulatedDiskFullException() : IOException("database or disk is full");

public sealed class SimulatedOutageDescriber : IStoreOutageDescriber
{
    public StoreOutage? Describe(Exception exception) => exception is SimulatedDiskFullException ? StoreOutage.DiskFull : null;
}
