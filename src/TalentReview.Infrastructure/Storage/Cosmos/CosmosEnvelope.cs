using System.Text.Json;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Storage.Cosmos;

/// <summary>
/// The stored item: <c>{ "id", "partitionKey", "kind", "value": { ...document } }</c>. The document
/// sits under <c>value</c> so its own properties (an <c>id</c>, a <c>kind</c>) never collide with
/// the envelope's, and it is written and read with <see cref="DocumentJson.Options"/> directly.
/// </summary>
internal static class CosmosEnvelope
{
    public const string Id = "id";
    public const string PartitionKey = "partitionKey";
    public const string Kind = "kind";
    public const string Value = "value";
    public const string ETag = "_etag";

    public static MemoryStream Write<T>(DocumentKey key, string kind, T value)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString(Id, key.Id);
            writer.WriteString(PartitionKey, key.Partition);
            writer.WriteString(Kind, kind);
            writer.WritePropertyName(Value);
            JsonSerializer.Serialize(writer, value, DocumentJson.Options);
            writer.WriteEndObject();
        }

        stream.Position = 0;
        return stream;
    }

    public static StoredDocument<T> Read<T>(JsonElement item, string partition, string? etag = null)
    {
        var key = new DocumentKey(partition, item.GetProperty(Id).GetString()!);
        var value = item.GetProperty(Value).Deserialize<T>(DocumentJson.Options)!;
        return new StoredDocument<T>(key, value, etag ?? item.GetProperty(ETag).GetString()!);
    }
}
