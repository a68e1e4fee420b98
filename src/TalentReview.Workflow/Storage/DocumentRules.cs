using System.Buffers;

namespace TalentReview.Workflow.Storage;

/// <summary>
/// What every store accepts as ids and query properties: Cosmos DB's rules, enforced by every
/// implementation so a key that would fail in Azure fails in the first in-memory test instead.
/// </summary>
public static class DocumentRules
{
    /// <summary>Cosmos DB ids are at most 255 characters; partition key values at most 2 KB.</summary>
    public const int MaxIdLength = 255;

    private const int MaxPartitionLength = 1024;

    // Cosmos DB rejects these in ids: they would break the resource URI.
    private static readonly SearchValues<char> ForbiddenIdCharacters = SearchValues.Create("/\\?#");

    private static readonly SearchValues<char> IdentifierCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    public static void Validate(DocumentKey key)
    {
        if (string.IsNullOrEmpty(key.Partition) || key.Partition.Length > MaxPartitionLength)
        {
            throw new ArgumentException($"A partition is 1 to {MaxPartitionLength} characters (document '{key.Id}').", nameof(key));
        }

        if (string.IsNullOrEmpty(key.Id) || key.Id.Length > MaxIdLength || key.Id.AsSpan().ContainsAny(ForbiddenIdCharacters))
        {
            throw new ArgumentException($"A document id is 1 to {MaxIdLength} characters without '/', '\\', '?' or '#' (got '{key.Id}').", nameof(key));
        }
    }

    /// <summary>Writes one atomic write may hold: Cosmos DB's limit for a transactional batch.</summary>
    public const int MaxWritesTogether = 100;

    /// <summary>Writes made together are 1 to <see cref="MaxWritesTogether"/> distinct documents of <paramref name="partition"/>.</summary>
    public static void ValidateWrites(string partition, IReadOnlyList<DocumentWrite> writes)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count is 0 or > MaxWritesTogether)
        {
            throw new ArgumentException($"Writes made together are 1 to {MaxWritesTogether} documents, not {writes.Count}.", nameof(writes));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            Validate(write.Key);
            ArgumentException.ThrowIfNullOrEmpty(write.Kind);
            if (write.Key.Partition != partition || !ids.Add(write.Key.Id))
            {
                throw new ArgumentException($"Writes made together are distinct documents of partition '{partition}' (got {write.Key}).", nameof(writes));
            }
        }
    }

    /// <summary>Query properties are plain identifiers, so stores can put them into a query text safely.</summary>
    /// <summary>Values one "any of" condition may list (a page of managers, say): well within every store's parameter limits.</summary>
    public const int MaxAnyOfValues = 1000;

    public static void ValidateQuery(DocumentQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentException.ThrowIfNullOrEmpty(query.Partition);
        ArgumentException.ThrowIfNullOrEmpty(query.Kind);
        foreach (var (property, values) in query.WhereAnyOf ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (values.Count is 0 or > MaxAnyOfValues)
            {
                throw new ArgumentException($"Query property '{property}' must list between 1 and {MaxAnyOfValues} values, not {values.Count}.", nameof(query));
            }
        }

        foreach (var property in (query.WhereEquals?.Keys ?? []).Concat(query.WhereAnyOf?.Keys ?? []))
        {
            if (property.Length == 0 || !IsIdentifierStart(property[0]) || property.AsSpan(1).ContainsAnyExcept(IdentifierCharacters))
            {
                throw new ArgumentException($"Query property '{property}' is not a plain identifier (letters, digits, '_').", nameof(query));
            }
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_';
}
