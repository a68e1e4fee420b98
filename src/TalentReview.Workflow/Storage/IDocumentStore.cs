namespace TalentReview.Workflow.Storage;

/// <summary>
/// The persistence port: JSON documents addressed by partition and id, with ETag optimistic
/// concurrency. It is shaped after Cosmos DB's cheap operations (point reads and writes, and
/// single-partition queries on a few top-level fields), so every implementation — Cosmos DB,
/// SQLite, in memory — behaves the same and costs what Cosmos would charge for the same call.
/// The partition is the cycle id for everything that belongs to a cycle.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Point read; null when the document does not exist.</summary>
    Task<StoredDocument<T>?> ReadAsync<T>(DocumentKey key, CancellationToken cancellationToken = default);

    /// <summary>Creates a document; throws <see cref="DocumentConflictException"/> when it already exists.</summary>
    Task<string> CreateAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a document only if its current ETag is <paramref name="ifMatchETag"/>; throws
    /// <see cref="DocumentConflictException"/> when another writer changed it first (or it is gone).
    /// Returns the new ETag.
    /// </summary>
    Task<string> ReplaceAsync<T>(DocumentKey key, string kind, T value, string ifMatchETag, CancellationToken cancellationToken = default);

    /// <summary>Creates or overwrites unconditionally (for writes that are idempotent by construction). Returns the new ETag.</summary>
    Task<string> UpsertAsync<T>(DocumentKey key, string kind, T value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes several documents of one partition all or nothing (one transaction on SQLite, one
    /// transactional batch on Cosmos DB), for a change and the state it implies, such as a submission
    /// and its step's mark. Throws <see cref="DocumentConflictException"/> naming the first write whose
    /// condition failed, and then nothing is written. Returns the new ETags, in the order of the writes.
    /// </summary>
    Task<IReadOnlyList<string>> WriteTogetherAsync(string partition, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>Deletes a document; false when it did not exist.</summary>
    Task<bool> DeleteAsync(DocumentKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the documents of one kind in one partition, ordered by id, optionally filtered
    /// by equality on top-level string properties of the stored JSON.
    /// </summary>
    Task<DocumentPage<T>> QueryAsync<T>(DocumentQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes every document in a partition (a cycle's purge); returns how many were deleted.</summary>
    Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken = default);
}

/// <summary>A document's address: its partition (a cycle id) and its id, unique within the partition.</summary>
public readonly record struct DocumentKey(string Partition, string Id)
{
    public override string ToString() => $"{Partition}/{Id}";
}

public sealed record StoredDocument<T>(DocumentKey Key, T Value, string ETag);

/// <summary>
/// One write of <see cref="IDocumentStore.WriteTogetherAsync"/>: a create when <paramref name="IfMatchETag"/>
/// is null (the document must not exist), else a replace of the version with that ETag.
/// </summary>
public sealed record DocumentWrite(DocumentKey Key, string Kind, object Value, string? IfMatchETag)
{
    public bool IsCreate => IfMatchETag is null;
}

/// <summary>
/// Documents of <paramref name="Kind"/> in <paramref name="Partition"/> whose top-level properties
/// equal the given values (property names as serialized, camelCase), ordered by id, after
/// <paramref name="AfterId"/> (key-set paging), at most <paramref name="PageSize"/> of them.
/// <paramref name="WhereAnyOf"/> adds properties that must equal one of several values.
/// </summary>
public sealed record DocumentQuery(
    string Partition,
    string Kind,
    IReadOnlyDictionary<string, string>? WhereEquals = null,
    string? AfterId = null,
    int PageSize = 500,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? WhereAnyOf = null);

/// <summary>A page of query results; <see cref="NextAfterId"/> is null on the last page.</summary>
public sealed record DocumentPage<T>(IReadOnlyList<StoredDocument<T>> Items, string? NextAfterId);

/// <summary>A write lost an optimistic-concurrency race, or a create found the document already there.</summary>
public sealed class DocumentConflictException(DocumentKey key, string message) : Exception(message)
{
    public DocumentKey Key { get; } = key;
}
