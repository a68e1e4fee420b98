using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;

namespace TalentReview.Infrastructure.Tests.Storage;

/// <summary>
/// The test server answers a transactional batch from the .NET SDK as Cosmos DB does: each operation's
/// status in order, and on a failure nothing written, the failed operation's status, 424 for the others.
/// </summary>
public sealed class CosmosTestServerBatchTests(CosmosServerFixture server) : IClassFixture<CosmosServerFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_answers_every_operation_with_its_status_and_etag()
    {
        var partition = NewPartition();
        var batch = Container.CreateTransactionalBatch(new PartitionKey(partition))
            .CreateItemStream(Document("a", partition, "first"))
            .UpsertItemStream(Document("b", partition, "second"))
            .ReadItem("a");

        using var response = await batch.ExecuteAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK], response.Select(r => r.StatusCode));
        Assert.Equal("first", JsonNode.Parse(response[2].ResourceStream)!["title"]!.GetValue<string>());
        var stored = await ReadAsync("a", partition);
        Assert.Equal(response[0].ETag, stored!["_etag"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_with_a_failing_operation_writes_nothing_and_says_which_failed()
    {
        var partition = NewPartition();
        using var existing = await Container.CreateItemStreamAsync(Document("mark", partition, "pending"), new PartitionKey(partition), cancellationToken: Cancellation);
        var batch = Container.CreateTransactionalBatch(new PartitionKey(partition))
            .CreateItemStream(Document("submission", partition, "my year"))
            .ReplaceItemStream("mark", Document("mark", partition, "submitted"), new TransactionalBatchItemRequestOptions { IfMatchEtag = "stale" })
            .UpsertItemStream(Document("other", partition, "never"));

        using var response = await batch.ExecuteAsync(Cancellation);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal([HttpStatusCode.FailedDependency, HttpStatusCode.PreconditionFailed, HttpStatusCode.FailedDependency], response.Select(r => r.StatusCode));
        Assert.Null(await ReadAsync("submission", partition));
        Assert.Null(await ReadAsync("other", partition));
        var mark = await ReadAsync("mark", partition);
        Assert.Equal(("pending", existing.Headers.ETag), (mark!["title"]!.GetValue<string>(), mark["_etag"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_document_of_another_partition_fails_the_batch()
    {
        var partition = NewPartition();
        var batch = Container.CreateTransactionalBatch(new PartitionKey(partition))
            .CreateItemStream(Document("a", partition, "first"))
            .CreateItemStream(Document("b", NewPartition(), "elsewhere"));

        using var response = await batch.ExecuteAsync(Cancellation);

        Assert.Equal([HttpStatusCode.FailedDependency, HttpStatusCode.BadRequest], response.Select(r => r.StatusCode));
        Assert.Null(await ReadAsync("a", partition));
    }

    private Container Container
    {
        get
        {
            Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
            return server.Container;
        }
    }

    private static string NewPartition() => "cycle" + Guid.NewGuid().ToString("N");

    private static MemoryStream Document(string id, string partition, string title)
        => new(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["id"] = id, ["partitionKey"] = partition, ["title"] = title }));

    // A query, not a point read: the test server answers a point read of a missing item with 500, and
    // wants the partition key in the query as well.
    private async Task<JsonObject?> ReadAsync(string id, string partition)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.partitionKey = @partition AND c.id = @id")
            .WithParameter("@partition", partition)
            .WithParameter("@id", id);
        using var feed = Container.GetItemQueryStreamIterator(query, requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(partition) });
        var found = new List<JsonObject>();
        while (feed.HasMoreResults)
        {
            using var page = await feed.ReadNextAsync(Cancellation);
            page.EnsureSuccessStatusCode();
            found.AddRange(JsonNode.Parse(page.Content)!["Documents"]!.AsArray().Select(d => d!.AsObject()));
        }

        return found.SingleOrDefault();
    }
}
