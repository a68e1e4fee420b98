using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Support;

/// <summary>A store that fails every call with <see cref="Failure"/> while it is set, as a full or read-only disk would.</summary>
public sealed class FailingDocumentStore(IDocumentStore inner) : IDocumentStore
{
    public Exception? Failure { get; set; }

    public Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default) => Guard(() => inner.ReadAsync<T>(key, cancellationToken));

    public Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default) => Guard(() => inner.CreateAsync(key, kind, value, cancellationToken));

    public Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default)
        => Guard(() => inner.ReplaceAsync(key, kind, value, ifMatchETag, cancellationToken));

    public Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default) => Guard(() => inner.UpsertAsync(key, kind, value, cancellationToken));

    public Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
        => Guard(() => inner.WriteTogetherAsync(partition, writes, cancellationToken));

    public Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default) => Guard(() => inner.DeleteAsync(key, cancellationToken));

    public Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default) => Guard(() => inner.QueryAsync<T>(query, cancellationToken));

    public Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default) => Guard(() => inner.DeletePartitionAsync(partition, cancellationToken));

    private Task<TResult> Guard<TResult>(Func<Task<TResult>> call) => Failure is { } failure ? Task.FromException<TResult>(failure) : call();
}
